using System.Text.RegularExpressions;
using Kalinga.Localization;

namespace Kalinga.Automation;

/// <summary>
/// Text with placeholders such as <c>{{customer.first_name}}</c>, one variant per language. The variant in the
/// ticket's language is used, English otherwise, so English is required.
/// </summary>
public static partial class ReplyTemplates
{
    public const int MaxLength = 10_000;

    public static readonly IReadOnlyList<string> Placeholders =
    [
        "customer.name", "customer.first_name", "ticket.number", "ticket.subject", "ticket.status", "ticket.priority",
        "agent.name", "agent.first_name",
    ];

    public static string Pick(IReadOnlyDictionary<string, string> templates, string language) =>
        templates.TryGetValue(language, out var own) ? own : templates[Languages.Default];

    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value, ""));

    public static void Check(IReadOnlyDictionary<string, string>? templates, string path)
    {
        if (templates is null || !templates.ContainsKey(Languages.Default))
        {
            throw new RuleException(path, new LocalText("Adm3_Problem.TemplatesEnglish"));
        }

        foreach (var (language, text) in templates)
        {
            if (!Languages.IsSupported(language))
            {
                throw new RuleException($"{path}.{language}", new LocalText("Adm3_Problem.LanguagesUse", string.Join(", ", Languages.Supported)));
            }

            if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
            {
                throw new RuleException($"{path}.{language}", new LocalText("Adm3_Problem.TextLength", MaxLength));
            }

            if (Placeholder().Matches(text).Select(m => m.Groups[1].Value).FirstOrDefault(p => !Placeholders.Contains(p)) is { } unknown)
            {
                throw new RuleException($"{path}.{language}", new LocalText("Adm3_Problem.UnknownPlaceholder", $"{{{{{unknown}}}}}", string.Join(", ", Placeholders)));
            }
        }
    }

    public static string FirstName(string name) => name.Trim().Split(' ', 2)[0];

    [GeneratedRegex(@"\{\{\s*([a-z_.]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
