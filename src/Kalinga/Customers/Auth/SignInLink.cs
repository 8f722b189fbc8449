using System.Security.Cryptography;

namespace Kalinga.Customers.Auth;

/// <summary>
/// A one-time sign-in link for the portal. Only the SHA-256 of the secret is stored, so a copy of the database
/// signs nobody in; a link works once, for <see cref="Lifetime"/>.
/// </summary>
public sealed class SignInLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private SignInLink()
    {
    }

    private SignInLink(long customerId, string hash, string email, DateTime now)
    {
        CustomerId = customerId;
        Hash = hash;
        Email = email;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public long Id { get; private set; }

    public long CustomerId { get; private set; }

    public string Hash { get; private set; } = "";

    /// <summary>The address the link was sent to: the customer proved they read mail there.</summary>
    public string Email { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    /// <summary>A new link and its secret; the secret goes into the e-mail and nowhere else.</summary>
    public static (SignInLink Link, string Secret) Create(long customerId, string email, DateTime now)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new SignInLink(customerId, HashOf(secret), email, now), secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    public bool IsUsable(DateTime now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTime now) => UsedAt = IsUsable(now) ? now : throw new InvalidOperationException("This sign-in link is used or expired.");
}
