namespace Kalinga.KnowledgeBase;

/// <summary>A reader's "was this helpful?" answer on one translation, with an optional comment for the authors.</summary>
public sealed class ArticleFeedback
{
    public const int MaxComment = 2000;

    private ArticleFeedback()
    {
    }

    public ArticleFeedback(int translationId, bool isHelpful, string? comment, long? customerId, DateTime now)
    {
        TranslationId = translationId;
        IsHelpful = isHelpful;
        Comment = comment?.Trim() is { Length: > 0 } c ? (c.Length <= MaxComment ? c : c[..MaxComment]) : null;
        CustomerId = customerId;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int TranslationId { get; private set; }

    public bool IsHelpful { get; private set; }

    public string? Comment { get; private set; }

    public long? CustomerId { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
