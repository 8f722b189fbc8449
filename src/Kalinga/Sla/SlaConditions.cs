using Kalinga.Channels;
using Kalinga.Tickets;

namespace Kalinga.Sla;

/// <summary>Which tickets a policy covers; an empty or missing list means "any". All given conditions must hold.</summary>
public sealed record SlaConditions(
    IReadOnlyList<Channel>? Channels = null,
    IReadOnlyList<Priority>? Priorities = null,
    IReadOnlyList<string>? Reasons = null,
    bool? Vip = null,
    IReadOnlyList<string>? Segments = null,
    IReadOnlyList<long>? Organizations = null)
{
    public bool Matches(SlaSubject s) =>
        (Channels is not { Count: > 0 } || Channels.Contains(s.Channel))
        && (Priorities is not { Count: > 0 } || Priorities.Contains(s.Priority))
        && (Reasons is not { Count: > 0 } || Reasons.Contains(s.Reason))
        && (Vip is null || Vip == s.Vip)
        && (Segments is not { Count: > 0 } || Segments.Any(s.Segments.Contains))
        && (Organizations is not { Count: > 0 } || (s.OrganizationId is { } o && Organizations.Contains(o)));
}

/// <summary>What policies look at on a ticket and its customer.</summary>
public sealed record SlaSubject(Channel Channel, Priority Priority, string Reason, bool Vip, IReadOnlyList<string> Segments, long? OrganizationId);
