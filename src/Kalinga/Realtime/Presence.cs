using System.Collections.Concurrent;
using Kalinga.Data;
using Microsoft.Extensions.Options;

namespace Kalinga.Realtime;

public sealed record Viewer(long AgentId, string Name, bool IsTyping);

/// <summary>One open ticket page: who, and until when they count as typing.</summary>
public sealed record PresenceSession(Guid Session, long AgentId, string Name, DateTimeOffset? TypingUntil);

/// <summary>Everyone on one ticket on one node; an empty list means the node has nobody there any more.</summary>
public sealed record PresenceSnapshot(string Node, long TicketId, IReadOnlyList<PresenceSession> Sessions);

/// <summary>
/// Who has a ticket open and who is typing on it, per page session. This node's sessions are kept here; with several
/// nodes (ADR 7) every node also keeps what the others last said about theirs, and forgets a node that stops
/// repeating it (a crashed node cannot say goodbye). A typing mark fades after <see cref="TypingFor"/> unless the
/// agent keeps typing.
/// </summary>
public sealed class Presence(ILiveTransport live, TimeProvider clock, IOptions<KalingaOptions> kalinga, IOptions<RealtimeOptions> options)
{
    public static readonly TimeSpan TypingFor = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Guid, PresenceSession>> tickets = new();
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, Heard>> remote = new();

    public string Node { get; } = kalinga.Value.ResolvedNodeName;

    private TimeSpan ForgetAfter => options.Value.PresenceHeartbeat * 3;

    /// <summary>Marks the page session as viewing the ticket until the returned handle is disposed.</summary>
    public IDisposable Join(long ticketId, long agentId, string name, out Guid session)
    {
        var id = Guid.NewGuid();
        session = id;
        tickets.GetOrAdd(ticketId, _ => new())[id] = new PresenceSession(id, agentId, name, null);
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

    /// <summary>The other agents on the ticket, on every node (one line per agent, however many tabs they have open).</summary>
    public IReadOnlyList<Viewer> Others(long ticketId, long agentId)
    {
        var now = clock.GetUtcNow();
        IEnumerable<PresenceSession> here = tickets.TryGetValue(ticketId, out var sessions) ? sessions.Values : [];
        IEnumerable<PresenceSession> elsewhere = remote.TryGetValue(ticketId, out var nodes)
            ? nodes.Values.Where(h => h.At + ForgetAfter > now).SelectMany(h => h.Sessions)
            : [];
        return [.. here.Concat(elsewhere).Where(e => e.AgentId != agentId)
            .GroupBy(e => e.AgentId)
            .Select(g => new Viewer(g.Key, g.First().Name, g.Any(e => e.TypingUntil > now)))
            .OrderBy(v => v.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>This node's sessions, one snapshot per ticket: what the heartbeat repeats to the other nodes.</summary>
    public IReadOnlyList<PresenceSnapshot> LocalSnapshots() => [.. tickets.Keys.Select(Snapshot)];

    /// <summary>
    /// Takes what another node said about its sessions on a ticket. Returns whether that changes who is shown there;
    /// a repeat (a heartbeat) only keeps the node remembered.
    /// </summary>
    public bool Apply(PresenceSnapshot snapshot)
    {
        if (snapshot.Node == Node)
        {
            return false;
        }

        var nodes = remote.GetOrAdd(snapshot.TicketId, _ => new());
        var before = nodes.TryGetValue(snapshot.Node, out var heard) ? heard.Sessions : [];
        if (snapshot.Sessions.Count == 0)
        {
            nodes.TryRemove(snapshot.Node, out _);
        }
        else
        {
            nodes[snapshot.Node] = new Heard(snapshot.Sessions, clock.GetUtcNow());
        }

        return !before.SequenceEqual(snapshot.Sessions);
    }

    /// <summary>Forgets nodes that have not repeated their sessions for three heartbeats; returns the tickets that changed.</summary>
    public IReadOnlyList<long> ForgetSilentNodes()
    {
        var now = clock.GetUtcNow();
        var changed = new List<long>();
        foreach (var (ticketId, nodes) in remote)
        {
            foreach (var (node, heard) in nodes)
            {
                if (heard.At + ForgetAfter <= now && nodes.TryRemove(KeyValuePair.Create(node, heard)))
                {
                    changed.Add(ticketId);
                }
            }

            if (nodes.IsEmpty)
            {
                remote.TryRemove(KeyValuePair.Create(ticketId, nodes));
            }
        }

        return [.. changed.Distinct()];
    }

    private PresenceSnapshot Snapshot(long ticketId) =>
        new(Node, ticketId, tickets.TryGetValue(ticketId, out var sessions) ? [.. sessions.Values.OrderBy(s => s.Session)] : []);

    private void Announce(long ticketId) => _ = live.PublishPresenceAsync([Snapshot(ticketId)], CancellationToken.None);

    private sealed record Heard(IReadOnlyList<PresenceSession> Sessions, DateTimeOffset At);

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
