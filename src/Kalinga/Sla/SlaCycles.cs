using Kalinga.Sla.Calendars;
using Kalinga.Tickets;

namespace Kalinga.Sla;

/// <summary>The facts about a ticket that its clocks depend on, read from its timeline.</summary>
public sealed record TicketHistory(DateTime CreatedAt, IReadOnlyList<StatusChange> Statuses, IReadOnlyList<PublicMessage> Messages);

public sealed record StatusChange(DateTime At, TicketStatus To);

/// <summary>A message the customer sees: from the customer, or a public reply by a person.</summary>
public sealed record PublicMessage(DateTime At, bool FromCustomer);

/// <summary>A stretch of time in which a clock runs; <c>To</c> is null while it still runs.</summary>
public readonly record struct Run(DateTime From, DateTime? To);

/// <summary>
/// One round of a target: a first response, one customer message awaiting its next response, or the way to
/// the n-th solve. <see cref="Answered"/> is false when the ticket was solved before anyone replied.
/// </summary>
public sealed record SlaCycle(int Number, DateTime Start, DateTime? Stop, bool Answered, IReadOnlyList<Run> Runs)
{
    /// <summary>The instant at which the clock has run for <paramref name="amount"/>, or null if it has not (yet).</summary>
    public DateTime? InstantAfter(BusinessHours hours, TimeSpan amount)
    {
        var used = TimeSpan.Zero;
        foreach (var run in Runs)
        {
            var length = run.To is { } to ? hours.Between(run.From, to) : TimeSpan.MaxValue;
            if (length == TimeSpan.MaxValue || used + length >= amount)
            {
                return hours.Add(run.From, amount - used);
            }

            used += length;
        }

        return null;
    }

    public TimeSpan Elapsed(BusinessHours hours, DateTime until) =>
        Runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + hours.Between(r.From, r.To is { } to && to < until ? to : until));

    public bool IsPaused => Stop is null && (Runs.Count == 0 || Runs[^1].To is not null);
}

/// <summary>
/// Replays a ticket's history into the cycles of each target. Recomputing from the whole history (rather than
/// adjusting stored state event by event) makes the SLA handler idempotent and indifferent to delivery order.
/// </summary>
public static class SlaCycles
{
    public static IReadOnlyList<SlaCycle> For(SlaMetric metric, TicketHistory h, Func<TicketStatus, bool> pauses) => metric switch
    {
        SlaMetric.FirstResponse => FirstResponse(h, pauses),
        SlaMetric.NextResponse => NextResponse(h, pauses),
        _ => Resolution(h, pauses),
    };

    private static List<SlaCycle> FirstResponse(TicketHistory h, Func<TicketStatus, bool> pauses)
    {
        var reply = h.Messages.FirstOrDefault(m => !m.FromCustomer)?.At;
        var solved = FirstSolveAfter(h, h.CreatedAt);
        var (stop, answered) = Earliest(reply, solved);
        return [new SlaCycle(1, h.CreatedAt, stop, answered, Runs(h, h.CreatedAt, stop, pauses, stopWhenSolved: false))];
    }

    private static List<SlaCycle> NextResponse(TicketHistory h, Func<TicketStatus, bool> pauses)
    {
        var cycles = new List<SlaCycle>();
        var first = h.Messages.ToList().FindIndex(m => !m.FromCustomer);
        if (first < 0)
        {
            return cycles;
        }

        DateTime? waitingSince = null;
        foreach (var m in h.Messages.Skip(first + 1))
        {
            if (m.FromCustomer && waitingSince is null)
            {
                waitingSince = m.At;
            }
            else if (!m.FromCustomer && waitingSince is { } since)
            {
                var (stop, answered) = Earliest(m.At, FirstSolveAfter(h, since));
                cycles.Add(new SlaCycle(cycles.Count + 1, since, stop, answered, Runs(h, since, stop, pauses, stopWhenSolved: false)));
                waitingSince = null;
            }
        }

        if (waitingSince is { } open)
        {
            var solved = FirstSolveAfter(h, open);
            cycles.Add(new SlaCycle(cycles.Count + 1, open, solved, false, Runs(h, open, solved, pauses, stopWhenSolved: false)));
        }

        return cycles;
    }

    private static List<SlaCycle> Resolution(TicketHistory h, Func<TicketStatus, bool> pauses)
    {
        var cycles = new List<SlaCycle>();
        var wasSolved = false;
        foreach (var s in h.Statuses)
        {
            var solved = s.To is TicketStatus.Solved or TicketStatus.Closed;
            if (solved && !wasSolved)
            {
                cycles.Add(new SlaCycle(cycles.Count + 1, h.CreatedAt, s.At, true, Runs(h, h.CreatedAt, s.At, pauses, stopWhenSolved: true)));
            }

            wasSolved = solved;
        }

        if (!wasSolved)
        {
            cycles.Add(new SlaCycle(cycles.Count + 1, h.CreatedAt, null, false, Runs(h, h.CreatedAt, null, pauses, stopWhenSolved: true)));
        }

        return cycles;
    }

    /// <summary>The stretches of [start, stop) in which the ticket was in a status that lets the clock run.</summary>
    private static List<Run> Runs(TicketHistory h, DateTime start, DateTime? stop, Func<TicketStatus, bool> pauses, bool stopWhenSolved)
    {
        var runs = new List<Run>();
        var status = TicketStatus.New;
        var since = h.CreatedAt;
        foreach (var change in h.Statuses.Append(new StatusChange(DateTime.MaxValue, status)))
        {
            var spanEnd = change.At;
            var from = since > start ? since : start;
            var to = stop is { } s && s < spanEnd ? s : spanEnd;
            var running = !pauses(status) && !(stopWhenSolved && status is TicketStatus.Solved or TicketStatus.Closed);
            if (running && to > from)
            {
                DateTime? end = to == DateTime.MaxValue ? null : to;
                if (runs.Count > 0 && runs[^1].To == from)
                {
                    runs[^1] = runs[^1] with { To = end };
                }
                else
                {
                    runs.Add(new Run(from, end));
                }
            }

            status = change.To;
            since = change.At;
        }

        return runs;
    }

    private static DateTime? FirstSolveAfter(TicketHistory h, DateTime after) =>
        h.Statuses.FirstOrDefault(s => s.At >= after && s.To is TicketStatus.Solved or TicketStatus.Closed)?.At;

    private static (DateTime? Stop, bool Answered) Earliest(DateTime? reply, DateTime? solved) =>
        reply is { } r && (solved is not { } s || r <= s) ? (r, true) : (solved, false);
}
