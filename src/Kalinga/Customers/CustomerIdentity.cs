using System.Text;

namespace Kalinga.Customers;

/// <summary>An address by which a customer reaches us: an e-mail, a phone number, a chat visitor id, a social handle.</summary>
public sealed class CustomerIdentity
{
    private CustomerIdentity()
    {
    }

    internal CustomerIdentity(IdentityKind kind, string value, bool isPrimary)
    {
        Kind = kind;
        Value = value;
        IsPrimary = isPrimary;
    }

    public long Id { get; private set; }

    public long CustomerId { get; private set; }

    public IdentityKind Kind { get; private set; }

    /// <summary>Normalized so that one address matches one customer (see <see cref="Normalize"/>).</summary>
    public string Value { get; private set; } = "";

    public bool IsPrimary { get; private set; }

    internal void MarkSecondary() => IsPrimary = false;

    internal void MarkPrimary() => IsPrimary = true;

    /// <summary>
    /// E-mail addresses compare case-insensitively in practice (RFC 5321 allows case-sensitive local parts,
    /// but no mail system in use relies on it); phone numbers keep a leading + and digits only.
    /// </summary>
    public static string Normalize(IdentityKind kind, string value)
    {
        var trimmed = value.Trim();
        switch (kind)
        {
            case IdentityKind.Email:
                return trimmed.ToLowerInvariant();
            case IdentityKind.Phone:
                var digits = new StringBuilder(trimmed.Length);
                foreach (var c in trimmed)
                {
                    if (char.IsAsciiDigit(c) || (c == '+' && digits.Length == 0))
                    {
                        digits.Append(c);
                    }
                }

                return digits.ToString();
            default:
                return trimmed.ToLowerInvariant();
        }
    }

    public static bool IsValid(IdentityKind kind, string value) => kind switch
    {
        IdentityKind.Email => System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var a) && a.Address == value.Trim() && value.Contains('@', StringComparison.Ordinal),
        IdentityKind.Phone => Normalize(kind, value).Count(char.IsAsciiDigit) is >= 5 and <= 15,
        _ => value.Trim().Length is > 0 and <= 200,
    };
}
