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

    private static async Task<Created<MacroView>> CreateAsync(MacroRequest request, EditMacros edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var macro = await edit.CreateAsync(request, user.Actor(), ct);
        return TypedResults.Created($"/api/v1/macros/{macro.Id}", macro);
    }

    private static async Task<Results<Ok<MacroView>, NotFound>> UpdateAsync(long id, MacroRequest request, EditMacros edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.UpdateAsync(id, request, user.Actor(), ct) is { } macro ? TypedResults.Ok(macro) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, EditMacros edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.DeleteAsync(id, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketDetails>, NotFound>> ApplyAsync(
        long number, long id, ApplyMacro apply, GetTicket get, ClaimsPrincipal user, CancellationToken ct) =>
        await apply.HandleAsync(number, id, user.Actor(), ct) ? TypedResults.Ok((await get.HandleAsync(number, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<MacroPreview>, NotFound>> PreviewAsync(long number, long id, ApplyMacro apply, ClaimsPrincipal user, CancellationToken ct) =>
        await apply.PreviewAsync(number, id, user.Actor(), ct) is { } preview ? TypedResults.Ok(preview) : TypedResults.NotFound();
}
