using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Sla.Calendars;

public static class CalendarsModule
{
    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/calendars").WithTags("Business calendars").RequireAuthorization(Policies.Admin);
        app.MapGet("/api/v1/calendars", ListAsync).WithTags("Business calendars").RequireAuthorization(Policies.Agent)
            .WithSummary("Lists the business calendars");
        app.MapGet("/api/v1/calendars/{id:long}", GetAsync).WithTags("Business calendars").RequireAuthorization(Policies.Agent)
            .WithSummary("Gets a calendar with its hours and holidays");
        admin.MapPost("/", CreateAsync).WithSummary("Creates a calendar: IANA time zone, weekly opening periods, holidays");
        admin.MapPut("/{id:long}", UpdateAsync).WithSummary("Replaces a calendar's name, zone, hours and holidays");
        admin.MapDelete("/{id:long}", DeleteAsync).WithSummary("Deletes a calendar that no SLA policy uses");
        admin.MapPost("/{id:long}/holidays/import", ImportAsync).Accepts<string>("text/calendar")
            .WithSummary("Adds the holidays of an iCalendar (.ics) file; dates already present are kept");
        app.MapGet("/api/v1/calendars/{id:long}/business-time", PreviewAsync).WithTags("Business calendars").RequireAuthorization(Policies.Agent)
            .WithSummary("Business minutes between two instants, or the instant a number of business minutes after 'from'");
        return app;
    }

    private static async Task<Ok<List<CalendarView>>> ListAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.BusinessCalendars.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(CalendarView.From).ToList());

    private static async Task<Results<Ok<CalendarView>, NotFound>> GetAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.BusinessCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(CalendarView.From(c)) : TypedResults.NotFound();

    private static async Task<Created<CalendarView>> CreateAsync(CalendarRequest request, EditCalendars edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var calendar = await edit.CreateAsync(request, user.Actor(), ct);
        return TypedResults.Created($"/api/v1/calendars/{calendar.Id}", calendar);
    }

    private static async Task<Results<Ok<CalendarView>, NotFound>> UpdateAsync(long id, CalendarRequest request, EditCalendars edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.UpdateAsync(id, request, user.Actor(), ct) is { } calendar ? TypedResults.Ok(calendar) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, EditCalendars edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.DeleteAsync(id, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportResult>, NotFound>> ImportAsync(long id, HttpRequest request, EditCalendars edit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.ContentLength > EditCalendars.MaxIcsBytes)
        {
            throw new RuleException("body", new LocalText("Adm3_Problem.IcsTooLarge", EditCalendars.MaxIcsBytes));
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        return await edit.ImportAsync(id, text, user.Actor(), ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<BusinessTimeAnswer>, NotFound>> PreviewAsync(
        long id, DateTime from, KalingaDb db, CancellationToken ct, DateTime? to = null, int? minutes = null)
    {
        var calendar = await db.BusinessCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (calendar is null)
        {
            return TypedResults.NotFound();
        }

        var hours = calendar.ToBusinessHours();
        var start = Utc(from);
        if (minutes is { } m)
        {
            return m is < 0 or > 1_000_000
                ? throw new RuleException("minutes", new LocalText("Adm3_Problem.BusinessMinutes", 1_000_000))
                : TypedResults.Ok(new BusinessTimeAnswer(start, hours.Add(start, TimeSpan.FromMinutes(m)), m));
        }

        var end = (to is { } t ? Utc(t) : (DateTime?)null) ?? throw new RuleException("to", new LocalText("Adm3_Problem.GiveToOrMinutes"));
        return TypedResults.Ok(new BusinessTimeAnswer(start, end, (long)hours.Between(start, end).TotalMinutes));
    }

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();

    public sealed record BusinessTimeAnswer(DateTime From, DateTime To, long BusinessMinutes);
}
