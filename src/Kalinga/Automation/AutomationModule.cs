using Kalinga.Agents.Auth;
using Kalinga.Data;
using Kalinga.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

public static class AutomationModule
{
    public static IServiceCollection AddAutomation(this IServiceCollection services)
    {
        services.AddScoped<RuleValidator>();
        services.AddScoped<RuleContexts>();
        services.AddScoped<TicketActions>();
        services.AddScoped<RunTriggers>();
        services.AddScoped<RunAutomations>();
        services.AddScoped<DryRunRule>();
        services.AddScoped<ApplyMacro>();
        services.AddSingleton<ITicketEventHandler, TriggerHandler>();
        services.AddSingleton<ITicketEventHandler, WebhookSender>();
        services.AddHostedService<AutomationScanner>();
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }

    public static IEndpointRouteBuilder MapAutomation(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/rules").WithTags("Rules").RequireAuthorization(Policies.Supervisor);
        read.MapGet("/", ListAsync).WithSummary("Lists triggers and time-based automations in the order they run");
        read.MapGet("/{id:long}", GetAsync).WithSummary("Gets one rule (webhook secrets are not shown)");
        read.MapPost("/dry-run", DryRunAsync).WithSummary("Lists the tickets an unsaved rule would act on now, without acting");
        read.MapGet("/{id:long}/dry-run", DryRunSavedAsync).WithSummary("Lists the tickets a saved rule would act on now, without acting");
        var admin = app.MapGroup("/api/v1/rules").WithTags("Rules").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", CreateAsync).WithSummary("Creates a trigger (events, conditions, actions) or a time-based automation");
        admin.MapPut("/{id:long}", UpdateAsync).WithSummary("Replaces a rule; a secret sent back as ******** stays as it was");
        admin.MapDelete("/{id:long}", DeleteAsync).WithSummary("Deletes a rule");
        app.MapMacros();
        return app;
    }

    private static async Task<Ok<List<RuleView>>> ListAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Rules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct)).Select(RuleView.From).ToList());

    private static async Task<Results<Ok<RuleView>, NotFound>> GetAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } r ? TypedResults.Ok(RuleView.From(r)) : TypedResults.NotFound();

    private static async Task<Created<RuleView>> CreateAsync(RuleRequest request, RuleValidator validator, KalingaDb db, TimeProvider clock, CancellationToken ct)
    {
        if (request.Actions.Any(a => a.Secret == "********"))
        {
            throw new RuleException("actions", "Give the webhook secret itself.");
        }

        await validator.CheckAsync(request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new Rule(request.Name, request.Kind, now);
        request.ApplyTo(rule, now);
        db.Rules.Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/rules/{rule.Id}", RuleView.From(rule));
    }

    private static async Task<Results<Ok<RuleView>, NotFound>> UpdateAsync(
        long id, RuleRequest request, RuleValidator validator, KalingaDb db, TimeProvider clock, CancellationToken ct)
    {
        var rule = await db.Rules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return TypedResults.NotFound();
        }

        if (request.Kind != rule.Kind)
        {
            throw new RuleException("kind", "A rule keeps its kind; create a new rule instead.");
        }

        var merged = request with
        {
            Actions = [.. request.Actions.Select((a, i) => a.Secret == "********" && i < rule.Actions.Count ? a with { Secret = rule.Actions[i].Secret } : a)],
        };
        await validator.CheckAsync(merged, ct);
        merged.ApplyTo(rule, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RuleView.From(rule));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.Rules.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 1 ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<DryRunResult>> DryRunAsync(RuleRequest request, DryRunRule dryRun, CancellationToken ct) =>
        TypedResults.Ok(await dryRun.HandleAsync(request, ct));

    private static async Task<Results<Ok<DryRunResult>, NotFound>> DryRunSavedAsync(long id, KalingaDb db, DryRunRule dryRun, CancellationToken ct)
    {
        var rule = await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return rule is null ? TypedResults.NotFound()
            : TypedResults.Ok(await dryRun.HandleAsync(new RuleRequest(rule.Name, rule.Conditions, rule.Actions, rule.Kind, rule.Kind == RuleKind.Trigger ? rule.Events : null), ct));
    }
}
