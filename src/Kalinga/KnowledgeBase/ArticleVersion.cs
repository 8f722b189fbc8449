namespace Kalinga.KnowledgeBase;

/// <summary>What one translation said when it was published for the <see cref="Number"/>th time.</summary>
public sealed class ArticleVersion
{
    private ArticleVersion()
    {
    }

    internal ArticleVersion(int number, string title, string summary, string body, long? publishedById, DateTime now)
    {
        Number = number;
        Title = title;
        Summary = summary;
        Body = body;
        PublishedById = publishedById;
        PublishedAt = now;
    }

    public long Id { get; private set; }

    public int TranslationId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string Body { get; private set; } = "";

    public long? PublishedById { get; private set; }

    public DateTime PublishedAt { get; private set; }
}
