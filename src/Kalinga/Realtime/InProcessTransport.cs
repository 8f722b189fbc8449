namespace Kalinga.Realtime;

/// <summary>One node: an event published here is delivered to this node's pages directly.</summary>
public sealed class InProcessTransport(LiveUpdates updates) : ILiveTransport
{
    public Task PublishAsync(LiveEvent e, CancellationToken ct)
    {
        updates.Deliver(e);
        return Task.CompletedTask;
    }
}
