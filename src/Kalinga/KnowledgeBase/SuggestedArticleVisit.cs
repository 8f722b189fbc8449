namespace Kalinga.KnowledgeBase;

/// <summary>
/// A customer filling in the request form opened an article the form suggested. <see cref="FormId"/> is the form's
/// own random id; when that form is later submitted the ticket is noted here, and a visit whose form never was
/// counts as a deflected request.
/// </summary>
public sealed class SuggestedArticleVisit
{
    private SuggestedArticleVisit()
    {
    }

    public SuggestedArticleVisit(string formId, int articleId, string language, DateTime now)
    {
        FormId = formId;
        ArticleId = articleId;
        Language = language;
        OpenedAt = now;
    }

    public long Id { get; private set; }

    public string FormId { get; private set; } = "";

    public int ArticleId { get; private set; }

    public string Language { get; private set; } = "";

    public DateTime OpenedAt { get; private set; }

    public long? TicketId { get; set; }
}
