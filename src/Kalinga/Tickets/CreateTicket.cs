using System.ComponentModel.DataAnnotations;
using Kalinga.Attachments;
using Kalinga.Channels;
using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

public sealed record CreateTicketRequest(
    [Required, StringLength(500, MinimumLength = 1)] string Subject,
    [Required] CustomerRef Customer,
    [Required] NewMessage Message,
    string Reason = "question",
    Channel Channel = Channel.Api,
    Priority Priority = Priority.Normal,
    string? Language = null,
    long? AssigneeId = null,
    long? TeamId = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Causes = null,
    IReadOnlyDictionary<string, string?>? CustomFields = null);

/// <summary>The text of a message; <c>html</c> is sanitized, and the text is derived from it when left out.</summary>
public sealed record NewMessage(
    [StringLength(MessageBody.MaxLength)] string? Text = null,
    [StringLength(MessageBody.MaxLength)] string? Html = null,
    IReadOnlyList<long>? AttachmentIds = null);

/// <summary>A new ticket with what its answer shows besides the ticket: its reason's code and its customer.</summary>
public sealed record CreatedTicket(Ticket Ticket, string Reason, Customer Customer);

/// <summary>Opens a ticket with the customer's first message, as if it had arrived on <see cref="CreateTicketRequest.Channel"/>.</summary>
public sealed class CreateTicket(KalingaDb db, CustomerLookup customers, TicketFields fields, MessageBody body, TimeProvider clock)
{
    public async Task<CreatedTicket> HandleAsync(CreateTicketRequest request, Actor actor, CancellationToken ct)
    {
        // Whole microseconds, as PostgreSQL stores them, so the answer built from memory (NewTicketDetails) shows the
        // instants a later read returns on either engine.
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % 10));
        var (text, html) = body.From(request.Message.Text, request.Message.Html);
        if (text.Length == 0 && (request.Message.AttachmentIds?.Count ?? 0) == 0)
        {
            throw new RuleException("message.text", new LocalText("Loc4_Problem.Tickets.FirstMessage"));
        }

        var language = LanguageOf(request, text);
        var customer = await customers.FindOrCreateAsync(request.Customer, language, now, ct);
        var reason = await fields.ReasonAsync(request.Reason, ct);
        await fields.CheckAssignmentAsync(request.AssigneeId, request.TeamId, ct);
        var attachments = await fields.UnclaimedAttachmentsAsync(request.Message.AttachmentIds, ct);

        // A new customer needs its key before the ticket and the message can point at it; one transaction keeps
        // a failed ticket from leaving an orphan customer behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (customer.Id == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        var ticket = Ticket.Open(
            await db.NextTicketNumberAsync(ct), request.Subject, reason.Id, request.Channel, customer.Id, customer.OrganizationId,
            Languages.Normalize(request.Language) ?? customer.Language, request.Priority, actor, now);

        var message = Message.Inbound(ChannelMessages.KindOf(request.Channel), Actor.Customer(customer.Id), text, html, externalId: null, now);
        message.Attachments.AddRange(attachments);
        ticket.ReceiveFromCustomer(message, now);

        if (request.AssigneeId is not null || request.TeamId is not null)
        {
            ticket.Assign(request.AssigneeId, request.TeamId, actor, now);
        }

        if (request.Tags is { Count: > 0 })
        {
            ticket.SetTags(await fields.TagsAsync(request.Tags, ct), actor, now);
        }

        if (request.Causes is { Count: > 0 })
        {
            ticket.SetCauses(await fields.CausesAsync(request.Causes, ct), reason.IsComplaint, actor, now);
        }

        if (request.CustomFields is { Count: > 0 })
        {
            ticket.SetCustomFields(await fields.CustomFieldsAsync(request.CustomFields, ticket.CustomFields, ct), actor, now);
        }

        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CreatedTicket(ticket, reason.Code, customer);
    }

    private static string LanguageOf(CreateTicketRequest request, string text)
    {
        if (request.Language is not null)
        {
            return Languages.Normalize(request.Language)
                ?? throw new RuleException("language", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
        }

        return Languages.Normalize(request.Customer.Language) ?? LanguageDetector.Detect(request.Subject + "\n" + text) ?? Languages.Default;
    }
}
