namespace Kalinga.Bench.Report;

/// <summary>What a run was measured on and with, printed above its tables.</summary>
public sealed record RunInfo(
    DateTimeOffset Started, Machine Machine, string Command, int Tickets, IReadOnlyList<string> Engines, IReadOnlyList<string> Data,
    double LoadAtStart, double LoadAtEnd);
