using System.Net;
using Kalinga.Tickets;
using MimeKit;

namespace Kalinga.Channels.Email;

/// <summary>Builds the MIME message for a reply whose <see cref="EmailRecord"/> already fixed its Message-ID, subject and recipients.</summary>
public static class OutboundMail
{
    /// <summary>RFC 5322 §3.6.4: globally unique; the ticket number on the left makes logs easy to read.</summary>
    public static string NewMessageId(Mailbox mailbox, long ticketNumber) => $"<k{ticketNumber}.{Guid.NewGuid():N}@{mailbox.Domain}>";

    public static MimeMessage Compose(Mailbox mailbox, Ticket ticket, Message reply, EmailRecord record, IEnumerable<(string Name, string ContentType, Stream Content)> files, DateTime now)
    {
        var message = new MimeMessage
        {
            Subject = record.Subject ?? TicketToken.ReplySubject(ticket.Subject, ticket.Number),
            MessageId = record.InternetMessageId.Trim('<', '>'),
            Date = new DateTimeOffset(now, TimeSpan.Zero),
        };
        message.From.Add(new MailboxAddress(mailbox.DisplayName, mailbox.Address));
        if (mailbox.PlusAddressing)
        {
            message.ReplyTo.Add(new MailboxAddress(mailbox.DisplayName, ReplyAddress.For(mailbox.Address, ticket.Number)));
        }

        message.To.AddRange(record.To.Select(a => MailboxAddress.Parse(a)));
        message.Cc.AddRange(record.Cc.Select(a => MailboxAddress.Parse(a)));
        if (record.InReplyTo is { } parent)
        {
            message.InReplyTo = parent.Trim('<', '>');
        }

        foreach (var id in (record.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            message.References.Add(id.Trim('<', '>'));
        }

        message.Headers.Add(LoopFilter.Header, mailbox.Address);
        if (record.IsAutomated)
        {
            // RFC 3834 §5: automatic messages say so, so that responders stay quiet; Exchange reads its own header.
            message.Headers.Add("Auto-Submitted", "auto-replied");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }

        var body = new BodyBuilder { TextBody = reply.Text, HtmlBody = reply.Html ?? HtmlOf(reply.Text) };
        foreach (var (name, contentType, content) in files)
        {
            body.Attachments.Add(name, content, ContentType.Parse(contentType));
        }

        message.Body = body.ToMessageBody();

        // Content-* fields belong to the top-level entity (RFC 3282 Content-Language); MimeKit keeps them there.
        message.Body.Headers.Add(HeaderId.ContentLanguage, ticket.Language);
        return message;
    }

    private static string HtmlOf(string text) =>
        "<div style=\"white-space:pre-wrap\">" + WebUtility.HtmlEncode(text) + "</div>";
}
