using Kalinga.Attachments;
using Kalinga.CustomFields;
using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.KnowledgeBase;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Web;

/// <summary>What a customer filled in on /requests/new. <c>FormId</c> ties the form to the suggested articles opened from it.</summary>
public sealed record RequestForm(
    string? Email,
    string? Name,
    string? Reason,
    string? Subject,
    string? Description,
    IReadOnlyDictionary<string, string?> CustomFields,
    string? FormId,
    string Language);

/// <summary>
/// The request form, sent: it goes through the same inbound step as every channel (customer matched or created, a
/// new ticket on the web channel), with its attachments and the custom fields shown to customers. The receipt e-mail follows from the
/// ticket's creation event (<see cref="SendWebReceipt"/>), so it is queued even if this process stops right after.
/// </summary>
public sealed class SubmitRequest(KalingaDb db, ReceiveInbound receive, UploadAttachments upload, TicketFields fields, Deflection deflection)
{
    public const int MaxSubject = 200;
    public const int MaxDescription = 20_000;

    public async Task<long> HandleAsync(RequestForm form, long? signedInCustomerId, IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        var from = signedInCustomerId is { } id
            ? new CustomerRef(Id: id, Language: form.Language)
            : new CustomerRef(Email: Checked(form.Email, 320, "email"), Name: form.Name?.Trim() is { Length: > 0 and <= 200 } name ? name : null, Language: form.Language);
        if (from.Email is { } email && !CustomerIdentity.IsValid(IdentityKind.Email, email))
        {
            throw new RuleException("email", new LocalText("Loc4_Problem.Portal.ReplyEmail"));
        }

        var reason = form.Reason is { } code && ContactReason.Fixed.Contains(code) ? code : throw new RuleException("reason", new LocalText("Loc4_Problem.Portal.Reason"));
        var subject = Checked(form.Subject, MaxSubject, "subject");
        var description = Checked(form.Description, MaxDescription, "description");
        var custom = await CustomerFieldsAsync(form.CustomFields, ct);

        var uploader = signedInCustomerId is { } c ? Actor.Customer(c) : Actor.System;
        var attachments = files.Count == 0 ? [] : await fields.UnclaimedAttachmentsAsync([.. (await upload.HandleAsync(files, uploader, ct)).Select(a => a.Id)], ct);
        var result = await receive.HandleAsync(new InboundMessage(Channel.Web, from, subject, description)
        {
            Reason = reason,
            Attachments = attachments,
            CustomFields = custom,
        }, ct);

        var ticketId = await db.Tickets.Where(t => t.Number == result.TicketNumber).Select(t => t.Id).SingleAsync(ct);
        await deflection.FormSubmittedAsync(form.FormId, ticketId, ct);
        return result.TicketNumber;
    }

    /// <summary>
    /// The values of the active fields shown to customers, checked like an agent's but explained in the page's language;
    /// values for any other key are not the customer's to set and are left out. An unticked box is simply not stored.
    /// </summary>
    private async Task<Dictionary<string, string>> CustomerFieldsAsync(IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var visible = await db.CustomFields.AsNoTracking().Where(f => f.IsActive && f.CustomerVisible).ToListAsync(ct);
        var result = new Dictionary<string, string>();
        foreach (var field in visible.Where(f => values.ContainsKey(f.Key)))
        {
            string? value;
            try
            {
                value = field.Normalize(values[field.Key]);
            }
            catch (RuleException e)
            {
                throw new RuleException(e.Field, field.Type switch
                {
                    _ when values[field.Key]?.Trim().Length > CustomFieldDefinition.MaxValueLength => PortalText.Format("Form.TooLong", CustomFieldDefinition.MaxValueLength),
                    CustomFieldType.Number => PortalText.Get("Form.Number"),
                    CustomFieldType.Date => PortalText.Get("Form.Date"),
                    _ => PortalText.Get("Form.Choice"),
                });
            }

            if (value is not null && !(field.Type == CustomFieldType.Checkbox && value == "false"))
            {
                result[field.Key] = value;
            }
        }

        return result;
    }

    private static string Checked(string? value, int max, string field)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length == 0 ? throw new RuleException(field, PortalText.Get("Form.Required"))
            : trimmed.Length <= max ? trimmed
            : throw new RuleException(field, PortalText.Format("Form.TooLong", max));
    }
}
