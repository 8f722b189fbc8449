using System.Globalization;
using System.Text.RegularExpressions;

namespace Kalinga.Channels.Email;

/// <summary>
/// The per-ticket reply address: "support+id1234@example.com" (sub-addressing, RFC 5233). Replies carry it in
/// Reply-To, so a customer who rewrites the subject still lands on the right ticket. Mail servers that know
/// sub-addressing (Postfix with recipient_delimiter, Dovecot, Gmail, Microsoft 365) deliver it to "support@".
/// </summary>
public static partial class ReplyAddress
{
    public static string For(string mailboxAddress, long ticketNumber)
    {
        var at = mailboxAddress.IndexOf('@', StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"{mailboxAddress[..at]}+id{ticketNumber}{mailboxAddress[at..]}");
    }

    /// <summary>The ticket number in the first recipient that is one of our mailboxes with a "+id…" tag.</summary>
    public static long? Find(IEnumerable<string> recipients, IReadOnlyCollection<string> mailboxAddresses)
    {
        foreach (var recipient in recipients)
        {
            var match = Tagged().Match(recipient);
            if (match.Success && mailboxAddresses.Contains(match.Groups["user"].Value + "@" + match.Groups["domain"].Value, StringComparer.OrdinalIgnoreCase)
                && long.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    /// <summary>The mailbox an address belongs to once its "+tag" is removed.</summary>
    public static string Untagged(string address)
    {
        var plus = address.IndexOf('+', StringComparison.Ordinal);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return plus > 0 && plus < at ? address[..plus] + address[at..] : address;
    }

    [GeneratedRegex(@"^(?<user>[^+@\s]+)\+id(?<number>\d{1,18})@(?<domain>[^@\s]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Tagged();
}
