using Kalinga.Channels;
using Kalinga.Sla.Calendars;

namespace Kalinga.Sla;

/// <summary>
/// What every new installation promises, seeded by the migration (so it exists before anyone signs in, on both
/// engines, and an admin who edits or deletes it keeps that change): e-mail and web answered within 24 hours,
/// social media within 1 hour, chat within 2 minutes (all round the clock), and complaints resolved within 5
/// business days (2,400 minutes on the "Standard hours" calendar, Monday–Friday 09:00–17:00).
/// For each target the first matching policy that sets it wins, so complaints keep their channel's response time.
/// </summary>
public static class SlaDefaults
{
    public const long StandardCalendarId = 1;
    public const int FiveBusinessDays = 5 * 8 * 60;

    private static readonly DateTime Seeded = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static object Calendar => new
    {
        Id = StandardCalendarId,
        Name = "Standard hours",
        TimeZone = "UTC",
        Hours = Weekdays(9 * 60, 17 * 60),
        Holidays = new List<Holiday>(),
        UpdatedAt = Seeded,
    };

    public static object[] Policies =>
    [
        Policy(1, "Complaints: resolved within 5 business days", 10, StandardCalendarId,
            new SlaConditions(Reasons: ["complaint"]), new SlaTarget(Resolution: FiveBusinessDays)),
        Policy(2, "Chat: answered within 2 minutes", 20, null,
            new SlaConditions(Channels: [Channel.Chat]), new SlaTarget(FirstResponse: 2, NextResponse: 2)),
        Policy(3, "Social media: answered within 1 hour", 30, null,
            new SlaConditions(Channels: [Channel.Social]), new SlaTarget(FirstResponse: 60, NextResponse: 60)),
        Policy(4, "E-mail and web: answered within 24 hours", 40, null,
            new SlaConditions(Channels: [Channel.Email, Channel.Web]), new SlaTarget(FirstResponse: 24 * 60, NextResponse: 24 * 60)),
    ];

    public static List<OpeningPeriod> Weekdays(int from, int to) =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningPeriod(d, from, to))];

    private static object Policy(long id, string name, int position, long? calendarId, SlaConditions conditions, SlaTarget target) => new
    {
        Id = id,
        Name = name,
        Position = position,
        IsActive = true,
        CalendarId = calendarId,
        PauseWhilePending = true,
        PauseWhileOnHold = true,
        Conditions = conditions,
        Targets = new List<SlaTarget> { target },
        UpdatedAt = Seeded,
    };
}
