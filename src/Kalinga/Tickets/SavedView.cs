namespace Kalinga.Tickets;

/// <summary>
/// A ticket list an agent saved from a filter. The filter is kept as the list's query string
/// (<c>status=open&amp;reason=complaint</c>), the same words the API takes, so a view survives renamed ids and
/// an agent can paste it into an API call.
/// </summary>
public sealed class SavedView
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2000;

    private SavedView()
    {
    }

    public SavedView(long agentId, string name, string query, string sort, bool isShared, DateTime now)
    {
        AgentId = agentId;
        Name = name.Trim();
        Query = query;
        Sort = sort;
        IsShared = isShared;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>The agent who saved it; shared views show for everyone but only their owner (or an admin) deletes them.</summary>
    public long AgentId { get; private set; }

    public string Name { get; private set; } = "";

    public string Query { get; private set; } = "";

    public string Sort { get; private set; } = "-updated";

    public bool IsShared { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
