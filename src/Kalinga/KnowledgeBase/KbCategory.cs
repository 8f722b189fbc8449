namespace Kalinga.KnowledgeBase;

/// <summary>
/// The top level of the help center (Orders and delivery, Returns…). Titles are per language, as the help center is
/// read in four; a category marked internal holds agent-only articles and never shows in the portal.
/// </summary>
public sealed class KbCategory
{
    private KbCategory()
    {
    }

    public KbCategory(string key, int position, bool isInternal)
    {
        Key = ArticleKeys.Check(key, "key");
        Position = position;
        IsInternal = isInternal;
    }

    public int Id { get; private set; }

    public string Key { get; private set; } = "";

    public int Position { get; set; }

    public bool IsInternal { get; set; }

    public Dictionary<string, string> Titles { get; set; } = [];

    public Dictionary<string, string> Descriptions { get; set; } = [];

    public List<KbSection> Sections { get; private set; } = [];
}
