using System.Globalization;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Kalinga.Web;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>Refuses a rule or macro that could not run, naming the field (<c>actions[2].url</c>) in the 400.</summary>
public sealed class RuleValidator(KalingaDb db)
{
    public const int MaxActions = 20;

    public async Task CheckAsync(RuleRequest r, CancellationToken ct)
    {
        if (r.Kind == RuleKind.Trigger)
        {
            if (r.Events is not { Count: > 0 } events)
            {
                throw new RuleException("events", new LocalText("Adm3_Problem.EventsNeeded", string.Join(", ", TriggerEvents.All)));
            }

            if (events.FirstOrDefault(e => !TriggerEvents.All.Contains(e)) is { } unknown)
            {
                throw new RuleException("events", new LocalText("Adm3_Problem.UnknownEvent", unknown, string.Join(", ", TriggerEvents.All)));
            }
        }
        else if (r.Events is { Count: > 0 })
        {
            throw new RuleException("events", new LocalText("Adm3_Problem.AutomationNoEvents"));
        }

        var reasons = (await db.ContactReasons.Select(c => c.Code).ToListAsync(ct)).ToHashSet();
        var all = r.Conditions.All ?? [];
        var any = r.Conditions.Any ?? [];
        for (var i = 0; i < all.Count; i++)
        {
            RuleFields.Check(all[i], $"conditions.all[{i}]", reasons);
        }

        for (var i = 0; i < any.Count; i++)
        {
            RuleFields.Check(any[i], $"conditions.any[{i}]", reasons);
        }

        if (r.Kind == RuleKind.Automation)
        {
            _ = TimeAnchor.Of(r.Conditions);
        }

        if (r.Actions.Count is 0 or > MaxActions)
        {
            throw new RuleException("actions", new LocalText("Adm3_Problem.ActionsCount", MaxActions));
        }

        await CheckActionsAsync(r.Actions, "actions", macro: false, ct);
    }

    public async Task CheckActionsAsync(IReadOnlyList<RuleAction> actions, string path, bool macro, CancellationToken ct)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            var at = $"{path}[{i}]";
            if (!RuleAction.Types.Contains(a.Type) || (macro && a.Type is RuleAction.Reply or RuleAction.Webhook))
            {
                throw new RuleException($"{at}.type", macro
                    ? new LocalText("Adm3_Problem.MacroActionType")
                    : new LocalText("Adm3_Problem.UnknownAction", string.Join(", ", RuleAction.Types)));
            }

            await CheckAsync(a, at, ct);
        }
    }

    private async Task CheckAsync(RuleAction a, string at, CancellationToken ct)
    {
        switch (a.Type)
        {
            case RuleAction.Assign:
                if (a.AgentId is null && a.TeamId is null)
                {
                    throw new RuleException(at, new LocalText("Adm3_Problem.AssignTarget"));
                }

                if (a.AgentId is { } agent && !await db.Agents.AnyAsync(x => x.Id == agent && x.IsActive, ct))
                {
                    throw new RuleException($"{at}.agentId", new LocalText("Adm3_Problem.NoActiveAgent", agent));
                }

                if (a.TeamId is { } team && !await db.Teams.AnyAsync(x => x.Id == team, ct))
                {
                    throw new RuleException($"{at}.teamId", new LocalText("Adm3_Problem.NoTeam", team));
                }

                break;
            case RuleAction.Set:
                await CheckSetAsync(a, at, ct);
                break;
            case RuleAction.AddTags or RuleAction.RemoveTags:
                if (a.Tags is not { Count: > 0 and <= 20 } tags || tags.Any(t => Tag.Normalize(t).Length is 0 or > 64))
                {
                    throw new RuleException($"{at}.tags", new LocalText("Adm3_Problem.TagsCount"));
                }

                break;
            case RuleAction.Reply or RuleAction.Note:
                ReplyTemplates.Check(a.Templates, $"{at}.templates");
                break;
            case RuleAction.Notify:
                ReplyTemplates.Check(a.Templates, $"{at}.templates");
                if (a.To is not ("assignee" or "team") && !(a.To?.StartsWith("agent:", StringComparison.Ordinal) == true
                    && long.TryParse(a.To[6..], CultureInfo.InvariantCulture, out var id) && await db.Agents.AnyAsync(x => x.Id == id, ct)))
                {
                    throw new RuleException($"{at}.to", new LocalText("Adm3_Problem.NotifyTarget"));
                }

                break;
            case RuleAction.Webhook:
                if (!Uri.TryCreate(a.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || a.Url!.Length > 2000)
                {
                    throw new RuleException($"{at}.url", new LocalText("Adm3_Problem.WebhookUrl"));
                }

                if (a.Secret is not { Length: >= 16 and <= 200 })
                {
                    throw new RuleException($"{at}.secret", new LocalText("Adm3_Problem.WebhookSecret"));
                }

                break;
        }
    }

    /// <summary>A rule sets a custom field the way an agent would: only an active, defined field, with a value it takes.</summary>
    private async Task<bool> FitsCustomFieldAsync(string key, string value, string at, CancellationToken ct)
    {
        var field = await db.CustomFields.AsNoTracking().SingleOrDefaultAsync(f => f.Key == key && f.IsActive, ct)
            ?? throw new RuleException($"{at}.field", new LocalText("Adm3_Problem.NoCustomField", key));
        try
        {
            return field.Normalize(value) is not null;
        }
        catch (RuleException)
        {
            return false;
        }
    }

    private async Task CheckSetAsync(RuleAction a, string at, CancellationToken ct)
    {
        var v = a.ValueText;
        var ok = a.Field switch
        {
            "status" => Enum.GetValues<TicketStatus>().Any(s => s != TicketStatus.New && EnumWords.Word(s) == v),
            "priority" => Enum.GetValues<Priority>().Any(s => EnumWords.Word(s) == v),
            "language" => Languages.IsSupported(v),
            "reason" => await db.ContactReasons.AnyAsync(r => r.Code == v && r.IsActive, ct),
            { } f when f.StartsWith(RuleFields.CustomPrefix, StringComparison.Ordinal) =>
                await FitsCustomFieldAsync(f[RuleFields.CustomPrefix.Length..], v, at, ct),
            _ => throw new RuleException($"{at}.field", new LocalText("Adm3_Problem.SetField")),
        };
        if (!ok)
        {
            throw new RuleException($"{at}.value", new LocalText("Adm3_Problem.NotValidValue", v, a.Field));
        }
    }
}
