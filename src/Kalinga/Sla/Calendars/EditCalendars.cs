using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Sla.Calendars;

/// <summary>Creates, replaces and deletes business calendars and imports holidays, recording each edit.</summary>
public sealed class EditCalendars(KalingaDb db, ConfigurationAudit audit, TimeProvider clock)
{
    public const int MaxIcsBytes = 1_000_000;

    public async Task<CalendarView> CreateAsync(CalendarRequest request, Actor actor, CancellationToken ct)
    {
        var (_, hours, holidays) = request.Validate();
        var calendar = new BusinessCalendar(request.Name, request.TimeZone, hours, holidays, clock.GetUtcNow().UtcDateTime);
        db.BusinessCalendars.Add(calendar);
        return await audit.SaveCreatedAsync(actor, ConfigurationKinds.Calendar, () => calendar.Id, () => CalendarView.From(calendar), ct);
    }

    public async Task<CalendarView?> UpdateAsync(long id, CalendarRequest request, Actor actor, CancellationToken ct)
    {
        var calendar = await db.BusinessCalendars.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (calendar is null)
        {
            return null;
        }

        var before = CalendarView.From(calendar);
        var (_, hours, holidays) = request.Validate();
        calendar.Update(request.Name, request.TimeZone, hours, holidays, clock.GetUtcNow().UtcDateTime);
        var after = CalendarView.From(calendar);
        audit.Record(actor, ConfigurationKinds.Calendar, id, ConfigurationKinds.Updated, before, after);
        await db.SaveChangesAsync(ct);
        return after;
    }

    /// <summary>Refused (naming the policy) while an SLA policy runs on the calendar.</summary>
    public async Task<bool> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        if (await db.SlaPolicies.Where(p => p.CalendarId == id).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } user)
        {
            throw new RuleException("id", new LocalText("Adm3_Problem.CalendarInUse", user));
        }

        var calendar = await db.BusinessCalendars.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (calendar is null)
        {
            return false;
        }

        db.BusinessCalendars.Remove(calendar);
        audit.Record(actor, ConfigurationKinds.Calendar, id, ConfigurationKinds.Deleted, CalendarView.From(calendar), null);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Adds the holidays of an iCalendar file; dates already present keep their entry.</summary>
    public async Task<ImportResult?> ImportAsync(long id, string ics, Actor actor, CancellationToken ct)
    {
        var calendar = await db.BusinessCalendars.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (calendar is null)
        {
            return null;
        }

        if (!ics.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            throw new RuleException("body", new LocalText("Adm3_Problem.NotIcs"));
        }

        var before = CalendarView.From(calendar);
        var holidays = IcsHolidays.Parse(ics, calendar.FindZone());
        var added = calendar.AddHolidays(holidays, clock.GetUtcNow().UtcDateTime);
        var after = CalendarView.From(calendar);
        if (added > 0)
        {
            audit.Record(actor, ConfigurationKinds.Calendar, id, ConfigurationKinds.Imported, before, after);
        }

        await db.SaveChangesAsync(ct);
        return new ImportResult(holidays.Count, added, after);
    }
}

public sealed record ImportResult(int Read, int Added, CalendarView Calendar);

