using MimeKit;

namespace Kalinga.Channels.Email;

/// <summary>
/// Recognises delivery status notifications (RFC 3464: multipart/report; report-type=delivery-status) that report
/// a failure, and finds the Message-ID of the message that failed: from the returned message or headers inside
/// the report, else from In-Reply-To and References. Delayed-delivery warnings (Action: delayed) are not bounces.
/// </summary>
public sealed class BounceFilter : IInboundEmailFilter
{
    public FilterVerdict? Inspect(ParsedMail mail, FilterContext context)
    {
        var report = mail.Mime.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (report is null || mail.Mime.Body is not MultipartReport)
        {
            return null;
        }

        var recipients = report.StatusGroups.Skip(1).ToList();
        var failed = recipients.FirstOrDefault(g => g["Action"]?.Trim().Equals("failed", StringComparison.OrdinalIgnoreCase) == true);
        if (failed is null && recipients.Count > 0)
        {
            return new FilterVerdict(FilterAction.NoAutoResponse, "delivery status notification without a failure (delayed or relayed)");
        }

        var ids = new List<string>();
        foreach (var entity in mail.Mime.BodyParts)
        {
            // message/rfc822 and text/rfc822-headers (RFC 6522 §3) both parse as a MessagePart.
            if (entity is MessagePart { Message.MessageId: { } returned } && !string.IsNullOrWhiteSpace(returned))
            {
                ids.Add($"<{returned.Trim('<', '>')}>");
            }
        }

        ids.AddRange(new[] { mail.InReplyTo }.Concat(mail.References.Reverse()).OfType<string>());
        var recipient = failed?["Final-Recipient"] ?? failed?["Original-Recipient"];
        var address = recipient?.Split(';', 2) is [_, var value] ? value.Trim().Trim('<', '>').ToLowerInvariant() : null;
        var status = failed?["Status"]?.Trim();
        var diagnostic = failed?["Diagnostic-Code"]?.Trim();
        return new FilterVerdict(FilterAction.Bounce, $"delivery failed for {address ?? "an unknown recipient"} (status {status ?? "unknown"}{(diagnostic is null ? "" : ": " + diagnostic)})")
        {
            OriginalMessageIds = [.. ids.Distinct()],
            FailedRecipient = address,
        };
    }
}
