namespace Kalinga.Sla;

/// <summary>The timeline events of targets (see docs/sla-and-rules.md).</summary>
public static class SlaEventTypes
{
    /// <summary>75 % of a target's business time is used; raised by the scanner.</summary>
    public const string Warning = "sla.warning";

    /// <summary>A target's due time passed unanswered; once per breached cycle.</summary>
    public const string Breached = "sla.breached";

    /// <summary>Reporting: a target finished in time, with the calendar and business seconds it took.</summary>
    public const string Met = "sla.met";

    /// <summary>Reporting: a target finished late, with the calendar and business seconds it took.</summary>
    public const string Missed = "sla.missed";
}
