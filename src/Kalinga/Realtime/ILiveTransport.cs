namespace Kalinga.Realtime;

/// <summary>
/// Carries live events to every node's <see cref="LiveUpdates"/>: in process on one node, through Redis pub/sub
/// when several nodes serve agents (see ADR 7).
/// </summary>
public interface ILiveTransport
{
    Task PublishAsync(LiveEvent e, CancellationToken ct);

    /// <summary>
    /// Tells every node who is on the given tickets on this node (the whole list per ticket, so a list without a session
    /// means it left) and lets every node's pages re-read presence.
    /// </summary>
    Task PublishPresenceAsync(IReadOnlyList<PresenceSnapshot> snapshots, CancellationToken ct);
}
