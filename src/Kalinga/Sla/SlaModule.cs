using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Sla.Calendars;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Sla;

public static class SlaModule
{
    public static IServiceCollection AddSla(this IServiceCollection services)
    {
        services.AddScoped<UpdateSlaClocks>();
        services.AddScoped<RaiseSlaAlerts>();
        services.AddScoped<EditSlaPolicies>();
        services.AddScoped<EditCalendars>();
        services.AddSingleton<ITicketEventHandler, SlaEventHandler>();
        services.AddHostedService<SlaBreachScanner>();
        return services;
    }

    public static IEndpointRouteBuilder MapSla(this IEndpointRouteBuilder app)
    {
        app.MapCalendars();
        var read = app.MapGroup("/api/v1/sla-policies").WithTags("SLA policies").RequireAuthorization(Policies.Agent);
        read.MapGet("/", ListAsync).WithSummary("Lists SLA policies in the order they are tried");
        read.MapGet("/{id:long}", GetAsync).WithSummary("Gets one SLA policy");
        var admin = app.MapGroup("/api/v1/sla-policies").WithTags("SLA policies").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", CreateAsync).WithSummary("Creates a policy: conditions, targets per priority, calendar, pausing");
        admin.MapPut("/{id:long}", UpdateAsync).WithSummary("Replaces a policy; tickets pick it up at their next change");
        admin.MapDelete("/{id:long}", DeleteAsync).WithSummary("Deletes a policy");
        app.MapGet("/api/v1/tickets/{number:long}/sla", TicketClocksAsync).WithTags("SLA policies").RequireAuthorization(Policies.Agent)
            .WithSummary("The ticket's targets: due times, pauses, risk and outcome of the current cycle");
        return app;
    }

    private static async Task<Ok<List<SlaPolicyView>>> ListAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct)).Select(SlaPolicyView.From).ToList());

    private static async Task<Results<Ok<SlaPolicyView>, NotFound>> GetAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.SlaPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? TypedResults.Ok(SlaPolicyView.From(p)) : TypedResults.NotFound();

    private static async Task<Created<SlaPolicyView>> CreateAsync(SlaPolicyRequest request, EditSlaPolicies edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var policy = await edit.CreateAsync(request, user.Actor(), ct);
        return TypedResults.Created($"/api/v1/sla-policies/{policy.Id}", policy);
    }

    private static async Task<Results<Ok<SlaPolicyView>, NotFound>> UpdateAsync(long id, SlaPolicyRequest request, EditSlaPolicies edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.UpdateAsync(id, request, user.Actor(), ct) is { } policy ? TypedResults.Ok(policy) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, EditSlaPolicies edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.DeleteAsync(id, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<List<SlaClockView>>, NotFound>> TicketClocksAsync(long number, KalingaDb db, CancellationToken ct)
    {
        var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.Id).SingleOrDefaultAsync(ct);
        if (ticketId is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await db.SlaClocks.AsNoTracking().Where(c => c.TicketId == ticketId).OrderBy(c => c.Metric)
            .Select(c => new SlaClockView(c.Metric, c.PolicyId, c.TargetMinutes, c.Cycle, c.CycleStartedAt, c.DueAt, c.WarnAt, c.IsPaused, c.Risk, c.CompletedAt, c.Outcome))
            .ToListAsync(ct));
    }
}
