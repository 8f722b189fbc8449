using System.ComponentModel.DataAnnotations;
using Kalinga.Data;

namespace Kalinga.Tickets;

/// <summary>One answer for many tickets (an outage, a recall), each sent on its own ticket's channel.</summary>
public sealed record BulkReplyRequest(
    [Required, MinLength(1), MaxLength(BulkEditTickets.MaxTickets)] IReadOnlyList<long> Numbers,
    [StringLength(MessageBody.MaxLength)] string? Text = null,
    [StringLength(MessageBody.MaxLength)] string? Html = null,
    TicketStatus? Status = null);

/// <summary>
/// Sends the same reply to each ticket through <see cref="ReplyToTicket"/>, one transaction per ticket, so a ticket that
/// refuses (closed, merged) does not stop the others. Attachments are not offered: an uploaded file belongs to one message.
/// </summary>
public sealed class ReplyToMany(KalingaDb db, ReplyToTicket reply)
{
    public async Task<IReadOnlyList<BulkOutcome>> HandleAsync(BulkReplyRequest request, Actor actor, CancellationToken ct)
    {
        var numbers = request.Numbers.Distinct().ToList();
        if (numbers.Count is 0 or > BulkEditTickets.MaxTickets)
        {
            throw new RuleException("numbers", new LocalText("Loc4_Problem.Tickets.ChooseTickets", BulkEditTickets.MaxTickets));
        }

        if (string.IsNullOrWhiteSpace(request.Text) && string.IsNullOrWhiteSpace(request.Html))
        {
            throw new RuleException("text", new LocalText("Loc4_Problem.Tickets.WriteAnswer"));
        }

        var outcomes = new List<BulkOutcome>(numbers.Count);
        foreach (var number in numbers)
        {
            try
            {
                var message = await reply.ReplyAsync(number, new ReplyRequest(request.Text, request.Html, null, request.Status), actor, ct);
                outcomes.Add(new BulkOutcome(number, message is null ? new LocalText("Loc4_Problem.Tickets.NoTicket", number).Localized() : null));
            }
            catch (RuleException e)
            {
                // Whatever the refused reply left in the context must not ride along with the next ticket's save.
                db.ChangeTracker.Clear();
                outcomes.Add(new BulkOutcome(number, e.Localized()));
            }
        }

        return outcomes;
    }
}
