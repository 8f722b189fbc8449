using System.Security.Claims;
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
        services.AddScoped<EditRules>();
        services.AddScoped<EditMacros>();
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
        admin.MapPost("/{id:long}/move", MoveAsync)
            .WithSummary("Moves a rule one place up or down among the rules of its kind; positions are renumbered 10, 20, 30…");
        app.MapMacros();
        return app;
    }

    private static async Task<Ok<List<RuleView>>> ListAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Rules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct)).Select(RuleView.From).ToList());

    private static async Task<Results<Ok<RuleView>, NotFound>> GetAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } r ? TypedResults.Ok(RuleView.From(r)) : TypedResults.NotFound();

    private static async Task<Created<RuleView>> CreateAsync(RuleRequest request, EditRules edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var rule = await edit.CreateAsync(request, user.Actor(), ct);
        return TypedResults.Created($"/api/v1/rules/{rule.Id}", rule);
    }

    private static async Task<Results<Ok<RuleView>, NotFound>> UpdateAsync(long id, RuleRequest request, EditRules edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.UpdateAsync(id, request, user.Actor(), ct) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, EditRules edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.DeleteAsync(id, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<RuleView>, NotFound>> MoveAsync(long id, MoveRuleRequest request, EditRules edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.MoveAsync(id, request.Step(), user.Actor(), ct) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound();

    private static async Task<Ok<DryRunResult>> DryRunAsync(RuleRequest request, DryRunRule dryRun, CancellationToken ct) =>
        TypedResults.Ok(await dryRun.HandleAsync(request, ct));

    private static async Task<Results<Ok<DryRunResult>, NotFound>> DryRunSavedAsync(long id, KalingaDb db, DryRunRule dryRun, CancellationToken ct)
    {
        var rule = await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return rule is null ? TypedResults.NotFound()
            : TypedResults.Ok(await dryRun.HandleAsync(new RuleRequest(rule.Name, rule.Conditions, rule.Actions, rule.Kind, rule.Kind == RuleKind.Trigger ? rule.Events : null), ct));
    }
}
