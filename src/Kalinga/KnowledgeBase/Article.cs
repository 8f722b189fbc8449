namespace Kalinga.KnowledgeBase;

/// <summary>
/// One help-center article, the same in every language: its key, section, tags and audience. The words live in
/// <see cref="ArticleTranslation"/>s, one per language, each with its own draft, published text and history.
/// </summary>
public sealed class Article
{
    public const int MaxTags = 10;

    private Article()
    {
    }

    public Article(string key, int sectionId, DateTime now)
    {
        Key = ArticleKeys.Check(key, "key");
        SectionId = sectionId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public string Key { get; private set; } = "";

    public int SectionId { get; set; }

    /// <summary>Agents only: never in the portal, its search, suggestions to customers or the sitemap.</summary>
    public bool IsInternal { get; set; }

    /// <summary>A bulletin every agent must read; who read which version is kept in <see cref="ArticleRead"/>.</summary>
    public bool IsMustRead { get; set; }

    public List<string> Tags { get; private set; } = [];

    public int Position { get; set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When a translation was last published; a must-read read before then is due again.</summary>
    public DateTime? LastPublishedAt { get; private set; }

    public List<ArticleTranslation> Translations { get; private set; } = [];

    public void SetTags(IEnumerable<string> tags)
    {
        var clean = tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        Tags = clean.Count <= MaxTags && clean.All(t => t.Length <= 40)
            ? clean
            : throw new RuleException("tags", new LocalText("Loc4_Problem.Kb.Tags", MaxTags));
    }

    public ArticleTranslation TranslationFor(string language, DateTime now)
    {
        var translation = Translations.FirstOrDefault(t => t.Language == language);
        if (translation is null)
        {
            translation = new ArticleTranslation(language, now);
            Translations.Add(translation);
        }

        return translation;
    }

    public void Touch(DateTime now) => UpdatedAt = now;

    public void Published(DateTime now)
    {
        UpdatedAt = now;
        LastPublishedAt = now;
    }
}
