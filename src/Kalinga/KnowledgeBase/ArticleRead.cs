namespace Kalinga.KnowledgeBase;

/// <summary>An agent confirmed reading a must-read article; a read from before the article's last publish is due again.</summary>
public sealed class ArticleRead
{
    private ArticleRead()
    {
    }

    public ArticleRead(int articleId, long agentId, DateTime now)
    {
        ArticleId = articleId;
        AgentId = agentId;
        ReadAt = now;
    }

    public int ArticleId { get; private set; }

    public long AgentId { get; private set; }

    public DateTime ReadAt { get; set; }
}
