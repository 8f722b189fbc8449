using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>Creates, replaces and deletes macros, recording each edit in the configuration history.</summary>
public sealed class EditMacros(KalingaDb db, RuleValidator validator, ConfigurationAudit audit, TimeProvider clock)
{
    public async Task<MacroView> CreateAsync(MacroRequest request, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var macro = new Macro(request.Name, now);
        await WriteAsync(request, macro, now, ct);
        db.Macros.Add(macro);
        return await audit.SaveCreatedAsync(actor, ConfigurationKinds.Macro, () => macro.Id, () => MacroView.From(macro), ct);
    }

    public async Task<MacroView?> UpdateAsync(long id, MacroRequest request, Actor actor, CancellationToken ct)
    {
        var macro = await db.Macros.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (macro is null)
        {
            return null;
        }

        var before = MacroView.From(macro);
        await WriteAsync(request, macro, clock.GetUtcNow().UtcDateTime, ct);
        var after = MacroView.From(macro);
        audit.Record(actor, ConfigurationKinds.Macro, id, ConfigurationKinds.Updated, before, after);
        await db.SaveChangesAsync(ct);
        return after;
    }

    public async Task<bool> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        var macro = await db.Macros.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (macro is null)
        {
            return false;
        }

        db.Macros.Remove(macro);
        audit.Record(actor, ConfigurationKinds.Macro, id, ConfigurationKinds.Deleted, MacroView.From(macro), null);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task WriteAsync(MacroRequest request, Macro macro, DateTime now, CancellationToken ct)
    {
        var actions = request.Actions ?? [];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            throw new RuleException("name", new LocalText("Adm3_Problem.MacroName"));
        }

        if (actions.Count > RuleValidator.MaxActions)
        {
            throw new RuleException("actions", new LocalText("Adm3_Problem.MacroTooManyActions", RuleValidator.MaxActions));
        }

        if (actions.Count == 0 && request.Templates is not { Count: > 0 })
        {
            throw new RuleException("templates", new LocalText("Adm3_Problem.MacroEmpty"));
        }

        if (request.Templates is { Count: > 0 })
        {
            ReplyTemplates.Check(request.Templates, "templates");
        }

        await validator.CheckActionsAsync(actions, "actions", macro: true, ct);
        macro.Name = request.Name.Trim();
        macro.IsActive = request.IsActive;
        macro.Actions = [.. actions];
        macro.Templates = new Dictionary<string, string>(request.Templates ?? new Dictionary<string, string>());
        macro.UpdatedAt = now;
    }
}
