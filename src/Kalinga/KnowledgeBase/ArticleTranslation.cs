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
        DraftTitle = Checked(title, MaxTitle, "title", required: true);
        DraftSummary = Checked(summary ?? "", MaxSummary, "summary", required: false);
        DraftBody = Checked(body, MaxBody, "body", required: true);
        DraftSavedAt = now;
        DraftSavedById = agentId;
    }

    /// <summary>Makes the draft live; <paramref name="html"/> and <paramref name="plainText"/> are the draft rendered.</summary>
    public ArticleVersion Publish(string html, string plainText, long? agentId, DateTime now)
    {
        if (!HasDraft)
        {
            throw new RuleException("draft", "There is no draft to publish; save one first.");
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
            throw new RuleException("language", "This translation is not published.");
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

    private static string Checked(string value, int max, string field, bool required)
    {
        var trimmed = value.Trim();
        if (required && trimmed.Length == 0)
        {
            throw new RuleException(field, $"The {field} cannot be empty.");
        }

        return trimmed.Length <= max ? trimmed : throw new RuleException(field, $"The {field} holds at most {max} characters.");
    }
}
