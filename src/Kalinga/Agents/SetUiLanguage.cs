using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Agents;

/// <summary>Stores the language an agent works in; the workspace also keeps it in the culture cookie.</summary>
public sealed class SetUiLanguage(KalingaDb db)
{
    public async Task<string> HandleAsync(long agentId, string language, CancellationToken ct)
    {
        var code = Languages.Normalize(language) ?? throw new RuleException("language", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
        var updated = await db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UiLanguage, code), ct);
        return updated == 1 ? code : throw new RuleException("agent", new LocalText("Adm3_Problem.NoAgent", agentId));
    }
}
