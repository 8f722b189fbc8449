using System.Collections.Concurrent;

namespace Kalinga.Realtime;

public sealed record Viewer(long AgentId, string Name, bool IsTyping);

/// <summary>
/// Who has a ticket open and who is typing on it, per page session. Kept in memory on the node that serves the page;
/// a typing mark fades after <see cref="TypingFor"/> unless the agent keeps typing.
/// </summary>
public sealed class Presence(ILiveTransport live, TimeProvider clock)
{
    public static readonly TimeSpan TypingFor = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Guid, Entry>> tickets = new();

    /// <summary>Marks the page session as viewing the ticket until the returned handle is disposed.</summary>
    public IDisposable Join(long ticketId, long agentId, string name, out Guid session)
    {
        var id = Guid.NewGuid();
        session = id;
        tickets.GetOrAdd(ticketId, _ => new())[id] = new Entry(agentId, name, null);
        Announce(ticketId);
        return new Leave(() =>
        {
            if (tickets.TryGetValue(ticketId, out var sessions) && sessions.TryRemove(id, out _))
            {
                if (sessions.IsEmpty)
                {
                    tickets.TryRemove(KeyValuePair.Create(ticketId, sessions));
                }

                Announce(ticketId);
            }
        });
    }

    /// <summary>Marks (or clears) typing; others hear of it only when it changes, not on every key.</summary>
    public void SetTyping(long ticketId, Guid session, bool typing)
    {
        if (!tickets.TryGetValue(ticketId, out var sessions) || !sessions.TryGetValue(session, out var entry))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var wasTyping = entry.TypingUntil > now;
        sessions[session] = entry with { TypingUntil = typing ? now + TypingFor : null };
        if (wasTyping != typing)
        {
            Announce(ticketId);
        }
    }

    /// <summary>The other agents on the ticket (one line per agent, however many tabs they have open).</summary>
    public IReadOnlyList<Viewer> Others(long ticketId, long agentId)
    {
        if (!tickets.TryGetValue(ticketId, out var sessions))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        return [.. sessions.Values.Where(e => e.AgentId != agentId)
            .GroupBy(e => e.AgentId)
            .Select(g => new Viewer(g.Key, g.First().Name, g.Any(e => e.TypingUntil > now)))
            .OrderBy(v => v.Name, StringComparer.CurrentCulture)];
    }

    private void Announce(long ticketId) =>
        _ = live.PublishAsync(new LiveEvent(LiveEventKind.Presence, ticketId), CancellationToken.None);

    private sealed record Entry(long AgentId, string Name, DateTimeOffset? TypingUntil);

    private sealed class Leave(Action leave) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                leave();
            }
        }
    }
}
