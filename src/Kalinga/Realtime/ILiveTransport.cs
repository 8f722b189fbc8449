namespace Kalinga.Realtime;

/// <summary>
/// Carries live events to every node's <see cref="LiveUpdates"/>: in process on one node, through Redis pub/sub
/// when several nodes serve agents (see ADR 7).
/// </summary>
public interface ILiveTransport
{
    Task PublishAsync(LiveEvent e, CancellationToken ct);
}
