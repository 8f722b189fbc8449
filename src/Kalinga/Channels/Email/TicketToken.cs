using System.Globalization;
using System.Text.RegularExpressions;

namespace Kalinga.Channels.Email;

/// <summary>
/// The ticket number in a subject, as "[#1234]". Square brackets and a hash survive "Re:", "Fwd:", "Odp:", "R:"
/// prefixes and subject rewriting by mailing lists, and are unlikely in anything a customer writes.
/// </summary>
public static partial class TicketToken
{
    public static string Of(long number) => string.Create(CultureInfo.InvariantCulture, $"[#{number}]");

    public static long? FromSubject(string? subject)
    {
        var match = subject is null ? Match.Empty : Token().Match(subject);
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>The subject of a reply: "Re: " once, the ticket subject, and the token once.</summary>
    public static string ReplySubject(string subject, long number)
    {
        var bare = Token().Replace(subject, "").Trim();
        while (Prefix().Match(bare) is { Success: true } prefix)
        {
            bare = bare[prefix.Length..].TrimStart();
        }

        return $"Re: {bare} {Of(number)}".Trim();
    }

    [GeneratedRegex(@"\[#(\d{1,18})\]")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(re|fw|fwd|aw|wg|odp|pd|r|i|rif|tr|sv|vs)\s*(\[\d+\])?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();
}
