namespace Kalinga.Sla;

/// <summary>The promises a policy can make about a ticket.</summary>
public enum SlaMetric
{
    /// <summary>From the ticket's creation to the first public reply by a person.</summary>
    FirstResponse,

    /// <summary>From a customer's message that follows a reply to the next public reply.</summary>
    NextResponse,

    /// <summary>From creation to solved; time spent solved does not count if the ticket is reopened.</summary>
    Resolution,
}

/// <summary>Where a running target stands, for the "SLA at risk" view.</summary>
public enum SlaRisk
{
    None,
    AtRisk,
    Breached,
}

/// <summary>How a finished cycle of a target ended.</summary>
public enum SlaOutcome
{
    Met,
    Missed,

    /// <summary>Solved before anyone answered: nothing to report.</summary>
    Cancelled,
}
