namespace Kalinga.KnowledgeBase;

/// <summary>
/// An article in one language. Agents edit a draft; publishing copies it to the live fields, stores the rendered HTML
/// (pages never render Markdown per request) and appends an <see cref="ArticleVersion"/>, so any version can be restored.
/// </summary>
public sealed class ArticleTranslation
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 300;
    public const int MaxBody = 200_000;

    private ArticleTranslation()
    {
    }

    internal ArticleTranslation(string language, DateTime now)
    {
        Language = language;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public string Language { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>The published Markdown.</summary>
    public string Body { get; private set; } = "";

    /// <summary>The published body rendered and sanitized once, at publishing.</summary>
    public string Html { get; private set; } = "";

    /// <summary>The published body as plain text: what search indexes and snippets quote.</summary>
    public string PlainText { get; private set; } = "";

    public DateTime? PublishedAt { get; private set; }

    /// <summary>The number of the live version; it only grows, also across an unpublish and a new publish.</summary>
    public int PublishedVersion { get; private set; }

    public string? DraftTitle { get; private set; }

    public string? DraftSummary { get; private set; }

    public string? DraftBody { get; private set; }

    public DateTime? DraftSavedAt { get; private set; }

    public long? DraftSavedById { get; private set; }

    public long ViewCount { get; private set; }

    public int HelpfulCount { get; private set; }

    public int NotHelpfulCount { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public List<ArticleVersion> Versions { get; private set; } = [];

    public bool IsPublished => PublishedAt is not null;

    public bool HasDraft => DraftBody is not null;

    public void SaveDraft(string title, string? summary, string body, long? agentId, DateTime now)
    {
        DraftTitle = Checked(title, MaxTitle, "title", "Loc4_Problem.Kb.TitleTooLong", emptyKey: "Loc4_Problem.Kb.TitleEmpty");
        DraftSummary = Checked(summary ?? "", MaxSummary, "summary", "Loc4_Problem.Kb.SummaryTooLong", emptyKey: null);
        DraftBody = Checked(body, MaxBody, "body", "Loc4_Problem.Kb.BodyTooLong", emptyKey: "Loc4_Problem.Kb.BodyEmpty");
        DraftSavedAt = now;
        DraftSavedById = agentId;
    }

    /// <summary>Makes the draft live; <paramref name="html"/> and <paramref name="plainText"/> are the draft rendered.</summary>
    public ArticleVersion Publish(string html, string plainText, long? agentId, DateTime now)
    {
        if (!HasDraft)
        {
            throw new RuleException("draft", new LocalText("Loc4_Problem.Kb.NoDraft"));
        }

        Title = DraftTitle!;
        Summary = DraftSummary ?? "";
        Body = DraftBody!;
        Html = html;
        PlainText = plainText;
        PublishedAt = now;
        PublishedVersion++;
        DraftTitle = DraftSummary = DraftBody = null;
        DraftSavedAt = null;
        DraftSavedById = null;
        var version = new ArticleVersion(PublishedVersion, Title, Summary, Body, agentId, now);
        Versions.Add(version);
        return version;
    }

    /// <summary>Takes the translation off the portal; its text and history stay for a later publish.</summary>
    public void Unpublish()
    {
        if (!IsPublished)
        {
            throw new RuleException("language", new LocalText("Loc4_Problem.Kb.NotPublished"));
        }

        if (!HasDraft)
        {
            DraftTitle = Title;
            DraftSummary = Summary;
            DraftBody = Body;
        }

        PublishedAt = null;
    }

    public void RestoreIntoDraft(ArticleVersion version, long? agentId, DateTime now) =>
        SaveDraft(version.Title, version.Summary, version.Body, agentId, now);

    /// <summary>The trimmed text, refused naming <paramref name="field"/> when too long or, with an <paramref name="emptyKey"/>, when empty.</summary>
    private static string Checked(string value, int max, string field, string tooLongKey, string? emptyKey)
    {
        var trimmed = value.Trim();
        if (emptyKey is not null && trimmed.Length == 0)
        {
            throw new RuleException(field, new LocalText(emptyKey));
        }

        return trimmed.Length <= max ? trimmed : throw new RuleException(field, new LocalText(tooLongKey, max));
    }
}
