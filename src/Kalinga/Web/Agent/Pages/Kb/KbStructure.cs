using Kalinga.Agents;
using Kalinga.KnowledgeBase;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Web.Agent.Pages.Kb;

public sealed record KbSectionOption(string Key, Dictionary<string, string> Titles);

public sealed record KbCategoryOption(string Key, Dictionary<string, string> Titles, bool IsInternal, IReadOnlyList<KbSectionOption> Sections);

/// <summary>The help center's categories and sections as the workspace's pickers and lists name them, in the agent's language.</summary>
public sealed record KbStructure(IReadOnlyList<KbCategoryOption> Categories)
{
    public static async Task<KbStructure> LoadAsync(UseCases run)
    {
        var categories = await run.ReadAsync(db => db.KbCategories.Include(c => c.Sections).OrderBy(c => c.Position).ToListAsync());
        return new([.. categories.Select(c => new KbCategoryOption(c.Key, c.Titles, c.IsInternal,
            [.. c.Sections.OrderBy(s => s.Position).Select(s => new KbSectionOption(s.Key, s.Titles))]))]);
    }

    /// <summary>Supervisors and admins publish, restore, move articles and see who read a bulletin; agents write drafts.</summary>
    public static bool IsEditor(AgentSession session) => session.Role >= AgentRole.Supervisor;

    public static string Language => Localization.Languages.Normalize(AgentSession.Culture.Name) ?? Localization.Languages.Default;

    public static string Title(Dictionary<string, string> titles, string fallback) => BrowseHelpCenter.TitleIn(titles, Language, fallback);

    public string CategoryTitle(string key) => Categories.FirstOrDefault(c => c.Key == key) is { } c ? Title(c.Titles, key) : key;

    public string SectionTitle(string key) =>
        Categories.SelectMany(c => c.Sections).FirstOrDefault(s => s.Key == key) is { } s ? Title(s.Titles, key) : key;
}
