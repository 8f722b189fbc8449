using System.Globalization;
using Kalinga.Channels;
using Kalinga.Data;
using Kalinga.Tickets;
using Kalinga.Web;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>
/// Carries out rule and macro actions on a loaded ticket (with its tags) through the ticket's own methods, so
/// each change lands on the timeline with the rule or agent as actor. An action that breaks a ticket rule (say,
/// closing an open ticket) is recorded as automation.action_failed and the others still run.
/// </summary>
public sealed class TicketActions(KalingaDb db, TicketFields fields, ChannelAdapters adapters, TimeProvider clock)
{
    public async Task ApplyAsync(Ticket ticket, IReadOnlyList<RuleAction> actions, Actor actor, string? agentName, CancellationToken ct)
    {
        var values = await PlaceholdersAsync(ticket, agentName, ct);
        for (var i = 0; i < actions.Count; i++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                await ApplyAsync(ticket, actions[i], i, actor, values, now, ct);
            }
            catch (RuleException ex)
            {
                TicketEvent.For(ticket, AutomationEventTypes.ActionFailed, actor, now, new { action = i, type = actions[i].Type, field = ex.Field, error = ex.Message });
            }
        }
    }

    /// <summary>The values of the placeholders in <see cref="ReplyTemplates"/>; the agent is the one applying a macro, else the assignee.</summary>
    public async Task<Dictionary<string, string>> PlaceholdersAsync(Ticket ticket, string? agentName, CancellationToken ct)
    {
        var customer = await db.Customers.Where(c => c.Id == ticket.CustomerId).Select(c => c.Name).SingleAsync(ct);
        agentName ??= await db.Agents.Where(a => a.Id == ticket.AssigneeId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        return new Dictionary<string, string>
        {
            ["customer.name"] = customer,
            ["customer.first_name"] = ReplyTemplates.FirstName(customer),
            ["ticket.number"] = ticket.Number.ToString(CultureInfo.InvariantCulture),
            ["ticket.subject"] = ticket.Subject,
            ["ticket.status"] = EnumWords.Word(ticket.Status),
            ["ticket.priority"] = EnumWords.Word(ticket.Priority),
            ["agent.name"] = agentName,
            ["agent.first_name"] = ReplyTemplates.FirstName(agentName),
        };
    }

    /// <summary>
    /// A public reply on the ticket's channel. A rule's reply (an acknowledgement, a reminder) keeps the status, so a
    /// new ticket still shows as new to agents; an agent's reply through a macro opens a new ticket as any reply does.
    /// </summary>
    public void Reply(Ticket ticket, string text, Actor actor, DateTime now) =>
        ticket.Reply(Message.Outbound(ChannelMessages.KindOf(ticket.Channel), actor, text, null, adapters.CanSend(ticket.Channel), now),
            actor.Kind == ActorKind.Rule ? ticket.Status : null, now);

    private async Task ApplyAsync(Ticket ticket, RuleAction a, int index, Actor actor, Dictionary<string, string> values, DateTime now, CancellationToken ct)
    {
        string Text() => ReplyTemplates.Render(ReplyTemplates.Pick(a.Templates!, ticket.Language), values);
        switch (a.Type)
        {
            case RuleAction.Assign:
                await fields.CheckAssignmentAsync(a.AgentId, a.TeamId, ct);
                ticket.Assign(a.AgentId ?? (a.TeamId is null || a.TeamId == ticket.TeamId ? ticket.AssigneeId : null), a.TeamId ?? ticket.TeamId, actor, now);
                break;
            case RuleAction.Set:
                await SetAsync(ticket, a.Field!, a.ValueText, actor, now, ct);
                break;
            case RuleAction.AddTags or RuleAction.RemoveTags:
                var current = ticket.Tags.Select(t => t.Tag.Name).ToList();
                var wanted = a.Type == RuleAction.AddTags
                    ? current.Union(a.Tags!.Select(Tag.Normalize)).ToList()
                    : current.Except(a.Tags!.Select(Tag.Normalize)).ToList();
                ticket.SetTags(await fields.TagsAsync(wanted, ct), actor, now);
                break;
            case RuleAction.Reply:
                Reply(ticket, Text(), actor, now);
                break;
            case RuleAction.Note:
                ticket.AddNote(Message.Note(actor, Text(), null, now), now);
                break;
            case RuleAction.Notify:
                TicketEvent.For(ticket, AutomationEventTypes.Notification, actor, now, new { to = a.To, agents = await RecipientsAsync(ticket, a.To!, ct), text = Text() });
                break;
            case RuleAction.Webhook:
                TicketEvent.For(ticket, AutomationEventTypes.Webhook, actor, now, new { rule = actor.Id, action = index, url = a.Url });
                break;
        }
    }

    private async Task SetAsync(Ticket ticket, string field, string value, Actor actor, DateTime now, CancellationToken ct)
    {
        switch (field)
        {
            case "status":
                ticket.ChangeStatus(EnumWords.Parse<TicketStatus>(value, "value"), actor, now);
                break;
            case "priority":
                ticket.Prioritize(EnumWords.Parse<Priority>(value, "value"), actor, now);
                break;
            case "language":
                ticket.SetLanguage(value, actor, now);
                break;
            case "reason":
                ticket.Classify((await fields.ReasonAsync(value, ct)).Id, actor, now);
                break;
            default:
                ticket.SetCustomFields(new Dictionary<string, string?> { [field[RuleFields.CustomPrefix.Length..]] = value }, actor, now);
                break;
        }
    }

    private async Task<List<long>> RecipientsAsync(Ticket ticket, string to, CancellationToken ct) => to switch
    {
        "assignee" when ticket.AssigneeId is { } a => [a],
        "assignee" or "team" when ticket.TeamId is { } team =>
            await db.Agents.Where(x => x.IsActive && x.Teams.Any(t => t.Id == team)).Select(x => x.Id).OrderBy(x => x).ToListAsync(ct),
        _ when to.StartsWith("agent:", StringComparison.Ordinal) => [long.Parse(to[6..], CultureInfo.InvariantCulture)],
        _ => [],
    };
}
