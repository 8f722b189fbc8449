namespace Kalinga.Realtime;

/// <summary>One node: an event published here is delivered to this node's pages directly.</summary>
public sealed class InProcessTransport(LiveUpdates updates) : ILiveTransport
{
    public Task PublishAsync(LiveEvent e, CancellationToken ct)
    {
        updates.Deliver(e);
        return Task.CompletedTask;
    }

    public Task PublishPresenceAsync(IReadOnlyList<PresenceSnapshot> snapshots, CancellationToken ct)
    {
        foreach (var snapshot in snapshots)
        {
            updates.Deliver(new LiveEvent(LiveEventKind.Presence, snapshot.TicketId));
        }

        return Task.CompletedTask;
    }
}
