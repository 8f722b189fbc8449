using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Customers;
using Kalinga.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalinga.Tickets;

public static class TicketsModule
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddSingleton(new Ganss.Xss.HtmlSanitizer());
        services.AddSingleton<MessageBody>();
        services.AddScoped<TicketFields>();
        services.AddScoped<Parties>();
        services.AddScoped<CustomerLookup>();
        services.AddScoped<CreateTicket>();
        services.AddScoped<GetTicket>();
        services.AddScoped<ListTickets>();
        services.AddScoped<UpdateTicket>();
        services.AddScoped<AssignTicket>();
        services.AddScoped<ReplyToTicket>();
        services.AddScoped<MergeTickets>();
        return services;
    }

    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets").WithTags("Tickets").RequireAuthorization(Policies.Agent);

        group.MapPost("/", CreateAsync).WithSummary("Opens a ticket with the customer's first message");
        group.MapGet("/", ListAsync).WithSummary("Lists tickets with filters, sorting and cursor pagination");
        group.MapGet("/{number:long}", GetAsync).WithSummary("Gets a ticket with its conversation and timeline");
        group.MapPatch("/{number:long}", UpdateAsync).WithSummary("Changes subject, status, priority, reason, language, tags, causes or custom fields");
        group.MapPost("/{number:long}/assign", AssignAsync).WithSummary("Assigns the ticket to an agent and/or team (null clears)");
        group.MapPost("/{number:long}/replies", ReplyAsync).WithSummary("Adds a public reply, sent on the ticket's channel");
        group.MapPost("/{number:long}/notes", NoteAsync).WithSummary("Adds an internal note that customers never see");
        group.MapPost("/{number:long}/merge", MergeAsync).WithSummary("Merges this ticket into another and closes it");
        return app;
    }

    private static async Task<Created<TicketDetails>> CreateAsync(
        CreateTicketRequest request, CreateTicket create, KalingaDb db, Parties parties, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = user.Actor();
        var (ticket, reason, customer) = await create.HandleAsync(request, caller, ct);
        var names = await NewTicketDetails.NamesAsync(ticket, customer.Id, caller, user.Identity?.Name, db, parties, ct);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Number}", NewTicketDetails.Of(ticket, reason, customer, names));
    }

    private static async Task<Ok<TicketPage>> ListAsync(
        [AsParameters] TicketQuery query, ListTickets list, KalingaDb db, ClaimsPrincipal user, CancellationToken ct,
        string sort = "-updated", int limit = 50, string? cursor = null)
    {
        var (by, descending) = ListTickets.ParseSort(sort);
        var filter = await query.ToFilterAsync(db, user.Actor(), ct);
        return TypedResults.Ok(await list.HandleAsync(filter, by, descending, limit, cursor, ct));
    }

    private static async Task<Results<Ok<TicketDetails>, NotFound>> GetAsync(long number, GetTicket get, CancellationToken ct) =>
        await get.HandleAsync(number, ct) is { } ticket ? TypedResults.Ok(ticket) : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketDetails>, NotFound>> UpdateAsync(
        long number, UpdateTicketRequest request, UpdateTicket update, GetTicket get, ClaimsPrincipal user, CancellationToken ct) =>
        await update.HandleAsync(number, request, user.Actor(), ct) ? TypedResults.Ok((await get.HandleAsync(number, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketDetails>, NotFound>> AssignAsync(
        long number, AssignTicketRequest request, AssignTicket assign, GetTicket get, ClaimsPrincipal user, CancellationToken ct) =>
        await assign.HandleAsync(number, request, user.Actor(), ct) ? TypedResults.Ok((await get.HandleAsync(number, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Created<MessageView>, NotFound>> ReplyAsync(
        long number, ReplyRequest request, ReplyToTicket reply, Parties parties, ClaimsPrincipal user, CancellationToken ct) =>
        await reply.ReplyAsync(number, request, user.Actor(), ct) is { } message
            ? TypedResults.Created($"/api/v1/tickets/{number}", GetTicket.ToView(message, await parties.NamesAsync([message.Author], ct)))
            : TypedResults.NotFound();

    private static async Task<Results<Created<MessageView>, NotFound>> NoteAsync(
        long number, ReplyRequest request, ReplyToTicket reply, Parties parties, ClaimsPrincipal user, CancellationToken ct) =>
        await reply.NoteAsync(number, request, user.Actor(), ct) is { } message
            ? TypedResults.Created($"/api/v1/tickets/{number}", GetTicket.ToView(message, await parties.NamesAsync([message.Author], ct)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketDetails>, NotFound>> MergeAsync(
        long number, MergeRequest request, MergeTickets merge, GetTicket get, ClaimsPrincipal user, CancellationToken ct) =>
        await merge.HandleAsync(number, request, user.Actor(), ct) is { } target ? TypedResults.Ok((await get.HandleAsync(target, ct))!) : TypedResults.NotFound();
}
