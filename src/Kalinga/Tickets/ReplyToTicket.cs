using System.ComponentModel.DataAnnotations;
using Kalinga.Channels;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>An agent's answer, sent on the ticket's channel; <c>status</c> sets the ticket's status in the same step.</summary>
public sealed record ReplyRequest(
    [StringLength(MessageBody.MaxLength)] string? Text = null,
    [StringLength(MessageBody.MaxLength)] string? Html = null,
    IReadOnlyList<long>? AttachmentIds = null,
    TicketStatus? Status = null);

/// <summary>
/// Adds a public reply or an internal note. A reply on a channel that has an outbound adapter is queued for
/// delivery (the adapter sends it when the event is dispatched); elsewhere the customer reads it where they wrote.
/// </summary>
public sealed class ReplyToTicket(KalingaDb db, TicketFields fields, MessageBody body, ChannelAdapters adapters, TimeProvider clock)
{
    public async Task<Message?> ReplyAsync(long number, ReplyRequest request, Actor actor, CancellationToken ct) =>
        await AddAsync(number, request, actor, isNote: false, ct);

    public async Task<Message?> NoteAsync(long number, ReplyRequest request, Actor actor, CancellationToken ct) =>
        await AddAsync(number, request, actor, isNote: true, ct);

    private async Task<Message?> AddAsync(long number, ReplyRequest request, Actor actor, bool isNote, CancellationToken ct)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null)
        {
            return null;
        }

        if (isNote && request.Status is not null)
        {
            throw new RuleException("status", new LocalText("Loc4_Problem.Tickets.NoteStatus"));
        }

        var (text, html) = body.From(request.Text, request.Html);
        var attachments = await fields.UnclaimedAttachmentsAsync(request.AttachmentIds, ct);
        if (text.Length == 0 && attachments.Count == 0)
        {
            throw new RuleException("text", new LocalText("Loc4_Problem.Tickets.TextOrFile"));
        }

        if (request.Status == TicketStatus.Solved && ticket.Status != TicketStatus.Solved)
        {
            TicketFields.CheckSolvable(ticket, await fields.RequiredOnSolveAsync(ct));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Message message;
        if (isNote)
        {
            message = Message.Note(actor, text, html, now);
            message.Attachments.AddRange(attachments);
            ticket.AddNote(message, now);
        }
        else
        {
            message = Message.Outbound(ChannelMessages.KindOf(ticket.Channel), actor, text, html, adapters.CanSend(ticket.Channel), now);
            message.Attachments.AddRange(attachments);
            ticket.Reply(message, request.Status, now);
        }

        await db.SaveChangesAsync(ct);
        return message;
    }
}
