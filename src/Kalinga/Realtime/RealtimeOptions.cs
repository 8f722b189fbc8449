namespace Kalinga.Realtime;

/// <summary>The <c>Realtime</c> section: how live updates reach agents' pages when several nodes serve them (ADR 7).</summary>
public sealed class RealtimeOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration string (<c>redis.example:6379,password=…</c>). Empty on a single node: updates
    /// stay in process. Set it on every node when several nodes share one database.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The pub/sub channel; nodes of one Kalinga installation must agree, two installations on one Redis must not.</summary>
    public string Channel { get; set; } = "kalinga:live";

    /// <summary>How often a node repeats who is on its open ticket pages; others forget a node after three missed beats.</summary>
    public TimeSpan PresenceHeartbeat { get; set; } = TimeSpan.FromSeconds(10);

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
