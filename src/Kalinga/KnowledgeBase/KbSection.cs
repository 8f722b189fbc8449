namespace Kalinga.KnowledgeBase;

/// <summary>A group of articles inside a category ("Tracking and delivery" in "Orders and delivery").</summary>
public sealed class KbSection
{
    private KbSection()
    {
    }

    public KbSection(string key, int position)
    {
        Key = ArticleKeys.Check(key, "key");
        Position = position;
    }

    public int Id { get; private set; }

    public int CategoryId { get; private set; }

    public string Key { get; private set; } = "";

    public int Position { get; set; }

    public Dictionary<string, string> Titles { get; set; } = [];
}
