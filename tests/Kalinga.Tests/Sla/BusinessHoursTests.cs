using Kalinga.Sla;
using Kalinga.Sla.Calendars;

namespace Kalinga.Tests.Sla;

public sealed class BusinessHoursTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    private static BusinessHours OfficeHours(TimeZoneInfo zone, params Holiday[] holidays) =>
        new(zone, SlaDefaults.Weekdays(9 * 60, 17 * 60), holidays);

    private static BusinessHours AllDay(TimeZoneInfo zone) =>
        new(zone, Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, 0, BusinessHours.MinutesPerDay)), []);

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private static DateTime Local(TimeZoneInfo zone, int y, int mo, int d, int h, int mi = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Unspecified), zone);

    [Fact]
    public void Time_added_on_a_friday_afternoon_continues_on_monday_morning()
    {
        var hours = OfficeHours(Manila);

        var due = hours.Add(Local(Manila, 2026, 3, 6, 15), TimeSpan.FromHours(4));

        Assert.Equal(Local(Manila, 2026, 3, 9, 11), due);
    }

    [Fact]
    public void Time_added_outside_opening_hours_starts_counting_at_the_next_opening()
    {
        var hours = OfficeHours(Manila);

        Assert.Equal(Local(Manila, 2026, 3, 9, 10), hours.Add(Local(Manila, 2026, 3, 7, 22), TimeSpan.FromHours(1)));
        Assert.Equal(Local(Manila, 2026, 3, 10, 9, 30), hours.Add(Local(Manila, 2026, 3, 9, 17, 45), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Manila_has_no_daylight_saving_so_every_working_day_has_eight_hours_all_year()
    {
        var hours = OfficeHours(Manila);

        foreach (var month in Enumerable.Range(1, 12))
        {
            var monday = Enumerable.Range(1, 7).Select(d => new DateTime(2026, month, d)).First(d => d.DayOfWeek == DayOfWeek.Monday);
            var start = Local(Manila, 2026, month, monday.Day, 0);
            Assert.Equal(TimeSpan.FromHours(40), hours.Between(start, start.AddDays(7)));
            Assert.Equal(Local(Manila, 2026, month, monday.Day, 17), hours.Add(Local(Manila, 2026, month, monday.Day, 9), TimeSpan.FromHours(8)));
        }
    }

    [Fact]
    public void Several_periods_a_day_leave_the_lunch_break_out()
    {
        var hours = new BusinessHours(Manila, [new(DayOfWeek.Monday, 8 * 60, 12 * 60), new(DayOfWeek.Monday, 13 * 60, 17 * 60)], []);

        Assert.Equal(Local(Manila, 2026, 3, 2, 14), hours.Add(Local(Manila, 2026, 3, 2, 11), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(8), hours.Between(Local(Manila, 2026, 3, 2, 0), Local(Manila, 2026, 3, 3, 0)));
        Assert.Equal(Local(Manila, 2026, 3, 9, 9), hours.Add(Local(Manila, 2026, 3, 2, 16), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Holidays_are_skipped_whole_or_in_part()
    {
        var hours = OfficeHours(Rome, new Holiday(new DateOnly(2026, 12, 8), "Immacolata"), new Holiday(new DateOnly(2026, 12, 24), "Vigilia", ClosedFrom: 13 * 60),
            new Holiday(new DateOnly(2026, 12, 25), "Natale"));

        Assert.Equal(Local(Rome, 2026, 12, 9, 11), hours.Add(Local(Rome, 2026, 12, 7, 15), TimeSpan.FromHours(4)));
        Assert.Equal(TimeSpan.FromHours(4), hours.Between(Local(Rome, 2026, 12, 24, 0), Local(Rome, 2026, 12, 25, 0)));
        Assert.Equal(Local(Rome, 2026, 12, 28, 10), hours.Add(Local(Rome, 2026, 12, 24, 12), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Rome_office_hours_keep_their_wall_clock_times_across_the_march_change()
    {
        var hours = OfficeHours(Rome);

        // Friday 27 March 2026 16:00 CET is 15:00 UTC; Monday 30 March 10:00 CEST is 08:00 UTC.
        var due = hours.Add(Utc(2026, 3, 27, 15), TimeSpan.FromHours(2));

        Assert.Equal(Utc(2026, 3, 30, 8), due);
        Assert.Equal(TimeSpan.FromHours(2), hours.Between(Utc(2026, 3, 27, 15), due));
    }

    [Fact]
    public void Warsaw_office_hours_keep_their_wall_clock_times_across_the_october_change()
    {
        var hours = OfficeHours(Warsaw);

        // Friday 23 October 2026 16:00 CEST is 14:00 UTC; Monday 26 October 10:00 CET is 09:00 UTC.
        var due = hours.Add(Utc(2026, 10, 23, 14), TimeSpan.FromHours(2));

        Assert.Equal(Utc(2026, 10, 26, 9), due);
    }

    [Theory]
    [InlineData("Europe/Rome", 3, 29, 23)]
    [InlineData("Europe/Rome", 10, 25, 25)]
    [InlineData("Europe/Warsaw", 3, 29, 23)]
    [InlineData("Europe/Warsaw", 10, 25, 25)]
    [InlineData("Asia/Manila", 3, 29, 24)]
    public void A_day_open_round_the_clock_lasts_as_long_as_it_really_does(string zone, int month, int day, int expectedHours)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var hours = AllDay(tz);
        var start = Local(tz, 2026, month, day, 0);

        Assert.Equal(TimeSpan.FromHours(expectedHours), hours.Between(start, Local(tz, 2026, month, day + 1, 0)));
        Assert.Equal(Local(tz, 2026, month, day + 1, 0), hours.Add(start, TimeSpan.FromHours(expectedHours)));
    }

    [Fact]
    public void A_night_shift_through_the_skipped_hour_is_an_hour_shorter_and_through_the_repeated_hour_an_hour_longer()
    {
        var nights = Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, 1 * 60, 4 * 60)).ToList();
        var hours = new BusinessHours(Rome, nights, []);

        Assert.Equal(TimeSpan.FromHours(2), hours.Between(Utc(2026, 3, 28, 12), Utc(2026, 3, 29, 12)));
        Assert.Equal(TimeSpan.FromHours(4), hours.Between(Utc(2026, 10, 24, 12), Utc(2026, 10, 25, 12)));
        Assert.Equal(TimeSpan.FromHours(3), hours.Between(Utc(2026, 3, 30, 12), Utc(2026, 3, 31, 12)));
    }

    [Fact]
    public void An_opening_time_inside_the_skipped_hour_moves_forward_by_the_gap()
    {
        var hours = new BusinessHours(Warsaw, [new(DayOfWeek.Sunday, (2 * 60) + 30, 5 * 60)], []);

        // 02:30 does not exist on 29 March 2026 in Warsaw; it counts as 03:30 CEST (01:30 UTC).
        Assert.Equal(Utc(2026, 3, 29, 1, 31), hours.Add(Utc(2026, 3, 28, 12), TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromMinutes(90), hours.Between(Utc(2026, 3, 28, 12), Utc(2026, 3, 30, 0)));
    }

    [Theory]
    [InlineData("Europe/Rome")]
    [InlineData("Europe/Warsaw")]
    [InlineData("Asia/Manila")]
    public void Adding_and_measuring_agree_for_any_start_and_duration(string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var hours = new BusinessHours(tz,
            [.. SlaDefaults.Weekdays(8 * 60, 12 * 60), .. SlaDefaults.Weekdays(13 * 60, 18 * 60), new(DayOfWeek.Sunday, 0, 5 * 60)],
            [new Holiday(new DateOnly(2026, 11, 1), "All Saints"), new Holiday(new DateOnly(2026, 4, 6), "Easter Monday", ClosedUntil: 12 * 60)]);
        var random = new Random(6);
        for (var i = 0; i < 300; i++)
        {
            var start = Utc(2026, 1, 1, 0).AddMinutes(random.Next(0, 365 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(1, 5 * 24 * 60));

            var due = hours.Add(start, duration);

            Assert.Equal(duration, hours.Between(start, due));
            Assert.True(hours.IsOpen(due - TimeSpan.FromSeconds(1)), $"{start:O} + {duration} = {due:O} should end in open time");
        }
    }

    [Fact]
    public void Round_the_clock_is_plain_calendar_time()
    {
        var start = Utc(2026, 3, 29, 0, 30);

        Assert.Equal(start.AddHours(24), BusinessHours.AlwaysOpen.Add(start, TimeSpan.FromHours(24)));
        Assert.Equal(TimeSpan.FromHours(5), BusinessHours.AlwaysOpen.Between(start, start.AddHours(5)));
        Assert.Equal(TimeSpan.Zero, BusinessHours.AlwaysOpen.Between(start, start.AddHours(-5)));
    }
}
