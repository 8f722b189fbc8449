namespace Kalinga.KnowledgeBase;

/// <summary>
/// Categories and their sections, with titles in each language and, per section, the keys of its articles in order.
/// Imported from JSON alongside the articles (the demo's is <c>Demo/Data/kb/categories.json</c>).
/// </summary>
public sealed record CategoryDefinition(
    string Key,
    Dictionary<string, string> Titles,
    Dictionary<string, string>? Descriptions,
    List<SectionDefinition> Sections,
    bool Internal = false);

public sealed record SectionDefinition(string Key, Dictionary<string, string> Titles, List<string>? Articles);
