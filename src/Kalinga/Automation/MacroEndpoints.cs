using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>Macros: agents list, preview and apply them; admins write them.</summary>
public static class MacroEndpoints
{
    public static IEndpointRouteBuilder MapMacros(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/macros").WithTags("Macros").RequireAuthorization(Policies.Agent);
        read.MapGet("/", ListAsync).WithSummary("Lists active macros (admins see inactive ones with ?all=true)");
        read.MapGet("/{id:long}", GetAsync).WithSummary("Gets one macro");
        var admin = app.MapGroup("/api/v1/macros").WithTags("Macros").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", CreateAsync).WithSummary("Creates a macro: actions and a reply template per language");
        admin.MapPut("/{id:long}", UpdateAsync).WithSummary("Replaces a macro");
        admin.MapDelete("/{id:long}", DeleteAsync).WithSummary("Deletes a macro");
        var tickets = app.MapGroup("/api/v1/tickets/{number:long}/macros").WithTags("Macros").RequireAuthorization(Policies.Agent);
        tickets.MapPost("/{id:long}/apply", ApplyAsync).WithSummary("Applies a macro: its actions and its reply in the ticket's language");
        tickets.MapGet("/{id:long}/preview", PreviewAsync).WithSummary("The reply a macro would write on this ticket");
        return app;
    }

    private static async Task<Ok<List<MacroView>>> ListAsync(KalingaDb db, CancellationToken ct, bool all = false) =>
        TypedResults.Ok((await db.Macros.AsNoTracking().Where(m => all || m.IsActive).OrderBy(m => m.Name).ToListAsync(ct)).Select(MacroView.From).ToList());

    private static async Task<Results<Ok<MacroView>, NotFound>> GetAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.Macros.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } m ? TypedResults.Ok(MacroView.From(m)) : TypedResults.NotFound();

    private static async Task<Created<MacroView>> CreateAsync(MacroRequest request, RuleValidator validator, KalingaDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var macro = new Macro(request.Name, now);
        await WriteAsync(request, macro, validator, now, ct);
        db.Macros.Add(macro);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/macros/{macro.Id}", MacroView.From(macro));
    }

    private static async Task<Results<Ok<MacroView>, NotFound>> UpdateAsync(
        long id, MacroRequest request, RuleValidator validator, KalingaDb db, TimeProvider clock, CancellationToken ct)
    {
        var macro = await db.Macros.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (macro is null)
        {
            return TypedResults.NotFound();
        }

        await WriteAsync(request, macro, validator, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MacroView.From(macro));
    }

    private static async Task WriteAsync(MacroRequest request, Macro macro, RuleValidator validator, DateTime now, CancellationToken ct)
    {
        var actions = request.Actions ?? [];
        if (actions.Count > RuleValidator.MaxActions)
        {
            throw new RuleException("actions", $"At most {RuleValidator.MaxActions} actions.");
        }

        if (actions.Count == 0 && request.Templates is not { Count: > 0 })
        {
            throw new RuleException("templates", "A macro writes a reply, takes actions, or both.");
        }

        if (request.Templates is { Count: > 0 })
        {
            ReplyTemplates.Check(request.Templates, "templates");
        }

        await validator.CheckActionsAsync(actions, "actions", macro: true, ct);
        macro.Name = request.Name.Trim();
        macro.IsActive = request.IsActive;
        macro.Actions = [.. actions];
        macro.Templates = new Dictionary<string, string>(request.Templates ?? new Dictionary<string, string>());
        macro.UpdatedAt = now;
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.Macros.Where(m => m.Id == id).ExecuteDeleteAsync(ct) == 1 ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketDetails>, NotFound>> ApplyAsync(
        long number, long id, ApplyMacro apply, GetTicket get, ClaimsPrincipal user, CancellationToken ct) =>
        await apply.HandleAsync(number, id, user.Actor(), ct) ? TypedResults.Ok((await get.HandleAsync(number, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<MacroPreview>, NotFound>> PreviewAsync(long number, long id, ApplyMacro apply, ClaimsPrincipal user, CancellationToken ct) =>
        await apply.PreviewAsync(number, id, user.Actor(), ct) is { } preview ? TypedResults.Ok(preview) : TypedResults.NotFound();
}
