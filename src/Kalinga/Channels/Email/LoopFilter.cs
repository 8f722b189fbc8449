using MimeKit;

namespace Kalinga.Channels.Email;

/// <summary>
/// Stops mail that would make Kalinga talk to itself: mail from one of its own mailboxes, mail carrying the
/// X-Kalinga-Loop header that every Kalinga message has (a customer's forwarding rule sending our reply back),
/// and mail that has passed through too many servers (RFC 5321 §6.3).
/// </summary>
public sealed class LoopFilter : IInboundEmailFilter
{
    public const string Header = "X-Kalinga-Loop";

    public FilterVerdict? Inspect(ParsedMail mail, FilterContext context)
    {
        if (context.OwnAddresses.Contains(ReplyAddress.Untagged(mail.FromAddress), StringComparer.OrdinalIgnoreCase))
        {
            return new FilterVerdict(FilterAction.StopLoop, $"sent from our own mailbox {mail.FromAddress}");
        }

        var loop = mail.Mime.Headers.FirstOrDefault(h => h.Field.Equals(Header, StringComparison.OrdinalIgnoreCase));
        if (loop is not null)
        {
            return new FilterVerdict(FilterAction.StopLoop, $"carries our {Header} header ({loop.Value.Trim()}): Kalinga's own message came back");
        }

        var hops = mail.Mime.Headers.Count(h => h.Id == HeaderId.Received);
        return hops > context.MaxReceivedHops
            ? new FilterVerdict(FilterAction.StopLoop, $"passed {hops} mail servers (more than {context.MaxReceivedHops}): a mail loop")
            : null;
    }
}
