using System.Text.RegularExpressions;
using MimeKit;

namespace Kalinga.Channels.Email;

/// <summary>
/// Auto-replies, out-of-office notes, list mail and robots: stored on the ticket, never answered automatically,
/// as RFC 3834 §2 and §5 ask of responders (the two robots would otherwise answer each other forever).
/// </summary>
public sealed partial class AutoReplyFilter : IInboundEmailFilter
{
    private static readonly string[] RobotLocalParts = ["mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply", "do-not-reply", "listserv", "majordomo", "bounce", "bounces"];

    public FilterVerdict? Inspect(ParsedMail mail, FilterContext context) =>
        Why(mail) is { } reason ? new FilterVerdict(FilterAction.NoAutoResponse, reason) : null;

    private static string? Why(ParsedMail mail)
    {
        var headers = mail.Mime.Headers;
        if (headers["Auto-Submitted"]?.Trim() is { Length: > 0 } auto && !auto.StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {auto} (RFC 3834)";
        }

        if (headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
        {
            return $"Precedence: {headers["Precedence"]!.Trim()}";
        }

        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || IsAutoSuppressAll(headers["X-Auto-Response-Suppress"]))
        {
            return "X-Autoreply, X-Autorespond or X-Auto-Response-Suppress header";
        }

        if (headers.Contains("List-Id") || headers.Contains("List-Unsubscribe"))
        {
            return "mailing-list message (List-Id, RFC 2919)";
        }

        if (headers[HeaderId.ReturnPath]?.Trim() == "<>")
        {
            return "empty Return-Path: a delivery report or a robot (RFC 5321 §4.5.5)";
        }

        if (IsRobot(mail.FromAddress))
        {
            return $"sent by a robot address ({mail.FromAddress})";
        }

        return AutoSubject().IsMatch(mail.Subject) ? $"auto-reply subject \"{mail.Subject}\"" : null;
    }

    private static bool IsAutoSuppressAll(string? value) =>
        value is not null && (value.Contains("All", StringComparison.OrdinalIgnoreCase) || value.Contains("OOF", StringComparison.OrdinalIgnoreCase));

    private static bool IsRobot(string address)
    {
        var local = address[..address.IndexOf('@', StringComparison.Ordinal)];
        return RobotLocalParts.Contains(local) || local.StartsWith("owner-", StringComparison.Ordinal) || local.EndsWith("-request", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|autoreply|abwesenheit|risposta automatica|fuori sede|assente|odpowiedź automatyczna|automatyczna odpowiedź|poza biurem|nieobecność|awtomatikong tugon|wala sa opisina)", RegexOptions.IgnoreCase)]
    private static partial Regex AutoSubject();
}
