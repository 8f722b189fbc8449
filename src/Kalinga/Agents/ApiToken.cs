using System.Security.Cryptography;
using System.Text;

namespace Kalinga.Agents;

/// <summary>
/// A credential for programs. Only the SHA-256 of the secret is stored: tokens carry 256 random bits,
/// so a fast hash is enough (a slow password hash protects low-entropy secrets, not these).
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "klg_";

    private ApiToken()
    {
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public AgentRole Role { get; private set; }

    public string Hash { get; private set; } = "";

    /// <summary>The first characters of the secret, so admins can tell tokens apart without seeing them.</summary>
    public string Hint { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>Creates a token and returns its secret, which is shown once and never stored.</summary>
    public static (ApiToken Token, string Secret) Issue(string name, AgentRole role, DateTime now)
    {
        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Name = name.Trim(),
            Role = role,
            Hash = HashOf(secret),
            Hint = secret[..(SecretPrefix.Length + 6)],
            CreatedAt = now,
        };
        return (token, secret);
    }

    /// <summary>Revoking twice keeps the first time: that is when access ended.</summary>
    public void Revoke(DateTime now) => RevokedAt ??= now;

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
