using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

public sealed record MacroRequest(
    [Required, StringLength(200, MinimumLength = 1)] string Name,
    IReadOnlyDictionary<string, string>? Templates = null,
    IReadOnlyList<RuleAction>? Actions = null,
    bool IsActive = true);

public sealed record MacroView(long Id, string Name, bool IsActive, IReadOnlyList<RuleAction> Actions, IReadOnlyDictionary<string, string> Templates, DateTime UpdatedAt)
{
    public static MacroView From(Macro m) => new(m.Id, m.Name, m.IsActive, m.Actions, m.Templates, m.UpdatedAt);
}

/// <summary>The reply a macro would write on a ticket, in the language chosen for it.</summary>
public sealed record MacroPreview(string Language, string? Text);

/// <summary>
/// Applies a macro as the calling agent: its actions, then its reply in the ticket's language (English when the
/// macro has no variant for it), with placeholders filled in, all in one save.
/// </summary>
public sealed class ApplyMacro(KalingaDb db, RuleContexts contexts, TicketActions actions, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long number, long macroId, Actor actor, CancellationToken ct) =>
        await ApplyAsync(number, macroId, actor, sendReply: true, ct) is not null;

    /// <summary>
    /// What the agent workspace does: the macro's actions are taken now, and its reply comes back for the agent to
    /// review, edit and send from the composer instead of going to the customer unseen.
    /// </summary>
    public Task<MacroPreview?> DraftAsync(long number, long macroId, Actor actor, CancellationToken ct) =>
        ApplyAsync(number, macroId, actor, sendReply: false, ct);

    private async Task<MacroPreview?> ApplyAsync(long number, long macroId, Actor actor, bool sendReply, CancellationToken ct)
    {
        var (ticket, macro) = await LoadAsync(number, macroId, ct);
        if (ticket is null || macro is null)
        {
            return null;
        }

        var agentName = await NameOfAsync(actor, ct);
        await actions.ApplyAsync(ticket, macro.Actions, actor, agentName, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = await RenderAsync(ticket, macro, agentName, ct);
        if (text is not null && sendReply)
        {
            actions.Reply(ticket, text, actor, now);
        }

        var reply = text is null ? "none" : sendReply ? "sent" : "drafted";
        TicketEvent.For(ticket, AutomationEventTypes.MacroApplied, actor, now, new { macro = macro.Id, macro.Name, reply });
        await db.SaveChangesAsync(ct);
        return new MacroPreview(LanguageOf(ticket, macro), text);
    }

    public async Task<MacroPreview?> PreviewAsync(long number, long macroId, Actor actor, CancellationToken ct)
    {
        var (ticket, macro) = await LoadAsync(number, macroId, ct);
        if (ticket is null || macro is null)
        {
            return null;
        }

        return new MacroPreview(LanguageOf(ticket, macro), await RenderAsync(ticket, macro, await NameOfAsync(actor, ct), ct));
    }

    /// <summary>The reply unsaved templates would write on a ticket (the macro editor's preview); nothing is changed.</summary>
    public async Task<MacroPreview?> PreviewAsync(long number, IReadOnlyDictionary<string, string> templates, Actor actor, CancellationToken ct)
    {
        ReplyTemplates.Check(templates, "templates");
        var id = await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.Id).SingleOrDefaultAsync(ct);
        if (id is not { } ticketId || await contexts.TicketAsync(ticketId, ct) is not { } ticket)
        {
            return null;
        }

        var draft = new Macro("preview", clock.GetUtcNow().UtcDateTime) { Templates = new Dictionary<string, string>(templates) };
        return new MacroPreview(LanguageOf(ticket, draft), await RenderAsync(ticket, draft, await NameOfAsync(actor, ct), ct));
    }

    private static string LanguageOf(Ticket ticket, Macro macro) =>
        macro.Templates.ContainsKey(ticket.Language) ? ticket.Language : Localization.Languages.Default;

    private async Task<(Ticket?, Macro?)> LoadAsync(long number, long macroId, CancellationToken ct)
    {
        var macro = await db.Macros.AsNoTracking().SingleOrDefaultAsync(m => m.Id == macroId && m.IsActive, ct);
        var id = await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.Id).SingleOrDefaultAsync(ct);
        return (id is { } ticketId ? await contexts.TicketAsync(ticketId, ct) : null, macro);
    }

    private async Task<string?> RenderAsync(Ticket ticket, Macro macro, string agentName, CancellationToken ct) =>
        macro.Templates.Count == 0 ? null
            : ReplyTemplates.Render(ReplyTemplates.Pick(macro.Templates, ticket.Language), await actions.PlaceholdersAsync(ticket, agentName, ct));

    private async Task<string> NameOfAsync(Actor actor, CancellationToken ct) => actor.Kind switch
    {
        ActorKind.Agent => await db.Agents.Where(a => a.Id == actor.Id).Select(a => a.Name).SingleAsync(ct),
        ActorKind.ApiToken => await db.ApiTokens.Where(t => t.Id == actor.Id).Select(t => t.Name).SingleAsync(ct),
        _ => "Kalinga",
    };
}
