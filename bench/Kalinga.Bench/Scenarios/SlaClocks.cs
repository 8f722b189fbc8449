using Kalinga.Bench.Databases;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// The SLA breach scanner with a running clock on every ticket of the desk (issue 6: a million open tickets must not
/// be scanned every minute). One first-response clock per ticket is inserted into the run copy while Kalinga runs:
/// one in <see cref="DueEvery"/> is already past its warning time, the rest warn over the next thirty days. The scenario
/// then measures the server's CPU while the scanner raises the due warnings, and over a quiet minute after that, in
/// which the scanner runs twice and finds nothing due.
/// </summary>
public static class SlaClocks
{
    public const int DueEvery = 500;

    public static string InsertSql(Engine engine) => engine == Engine.Sqlite
        ? $$"""
            INSERT INTO "SlaClocks" ("TicketId", "Metric", "TargetMinutes", "Cycle", "CycleStartedAt", "DueAt", "WarnAt", "IsPaused", "ReportedCycle", "NextCheckAt", "Risk", "Version")
            SELECT "Id", 'FirstResponse', 1440, 1, strftime('%Y-%m-%d %H:%M:%S', 'now', '-1 day'),
                   strftime('%Y-%m-%d %H:%M:%S', 'now', w, '+6 hours'), strftime('%Y-%m-%d %H:%M:%S', 'now', w), 0, 0,
                   strftime('%Y-%m-%d %H:%M:%S', 'now', w), 'None', 1
            FROM (SELECT "Id", CASE WHEN "Id" % {{DueEvery}} = 0 THEN '-1 minutes' ELSE '+' || (60 + "Id" % 43200) || ' minutes' END AS w FROM "Tickets")
            WHERE true
            ON CONFLICT DO NOTHING;
            """
        : $$"""
            INSERT INTO "SlaClocks" ("TicketId", "Metric", "TargetMinutes", "Cycle", "CycleStartedAt", "DueAt", "WarnAt", "IsPaused", "ReportedCycle", "NextCheckAt", "Risk", "Version")
            SELECT "Id", 'FirstResponse', 1440, 1, now() - interval '1 day', w + interval '6 hours', w, false, 0, w, 'None', 1
            FROM (SELECT "Id", CASE WHEN "Id" % {{DueEvery}} = 0 THEN now() - interval '1 minute' ELSE now() + make_interval(mins => (60 + "Id" % 43200)::int) END AS w FROM "Tickets") AS t
            ON CONFLICT DO NOTHING;
            """;
}
