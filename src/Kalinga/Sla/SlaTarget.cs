using Kalinga.Tickets;

namespace Kalinga.Sla;

/// <summary>Target times in business minutes for one priority (or, with no priority, for any priority not listed).</summary>
public sealed record SlaTarget(Priority? Priority = null, int? FirstResponse = null, int? NextResponse = null, int? Resolution = null)
{
    public int? Minutes(SlaMetric metric) => metric switch
    {
        SlaMetric.FirstResponse => FirstResponse,
        SlaMetric.NextResponse => NextResponse,
        _ => Resolution,
    };
}
