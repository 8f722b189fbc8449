using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

public static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddScoped<IdentityOwners>();
        services.AddScoped<CreateCustomer>();
        services.AddScoped<GetCustomer>();
        services.AddScoped<ListCustomers>();
        services.AddScoped<UpdateCustomer>();
        services.AddScoped<AddIdentity>();
        services.AddScoped<RemoveIdentity>();
        services.AddScoped<MergeCustomers>();
        services.AddScoped<GetCustomerTimeline>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<GetOrganization>();
        services.AddScoped<ListOrganizations>();
        services.AddScoped<UpdateOrganization>();
        return services;
    }

    /// <summary>Customers and, in <see cref="OrganizationsModule"/>, the organizations they belong to.</summary>
    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(Policies.Agent);

        group.MapPost("/", CreateAsync).WithSummary("Creates a customer from a name, an e-mail and/or a phone");
        group.MapGet("/", ListAsync).WithSummary("Finds customers by name, e-mail or phone prefix, by organization or VIP, with cursor pagination");
        group.MapGet("/{id:long}", GetAsync).WithSummary("Gets a customer with identities; a merged customer shows mergedIntoId");
        group.MapPatch("/{id:long}", UpdateAsync).WithSummary("Changes name, language, organization (0 removes it), channel, VIP, segments, consent or notes");
        group.MapPost("/{id:long}/identities", AddIdentityAsync).WithSummary("Links another e-mail, phone, chat or social identity to the customer");
        group.MapDelete("/{id:long}/identities/{identityId:long}", RemoveIdentityAsync).WithSummary("Unlinks an identity; the customer's last identity stays");
        group.MapPost("/{id:long}/merge", MergeAsync).WithSummary("Merges the customer sourceId into this one, with its identities, tickets and timeline");
        group.MapGet("/{id:long}/tickets", TicketsAsync).WithSummary("Lists the customer's tickets on every channel, with sorting and cursor pagination");
        group.MapGet("/{id:long}/timeline", TimelineAsync).WithSummary("Lists the customer's events across all tickets, newest first");

        app.MapOrganizations();
        return app;
    }

    private static async Task<Created<CustomerDetails>> CreateAsync(
        CreateCustomerRequest request, CreateCustomer create, GetCustomer get, ClaimsPrincipal user, CancellationToken ct)
    {
        var customer = await create.HandleAsync(request, user.Actor(), ct);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}", await get.HandleAsync(customer.Id, ct));
    }

    private static async Task<Ok<CustomerPage>> ListAsync(
        [AsParameters] CustomerQuery query, ListCustomers list, CancellationToken ct, int limit = 50, string? cursor = null) =>
        TypedResults.Ok(await list.HandleAsync(query, limit, cursor, ct));

    private static async Task<Results<Ok<CustomerDetails>, NotFound>> GetAsync(long id, GetCustomer get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } customer ? TypedResults.Ok(customer) : TypedResults.NotFound();

    private static async Task<Results<Ok<CustomerDetails>, NotFound>> UpdateAsync(
        long id, UpdateCustomerRequest request, UpdateCustomer update, GetCustomer get, ClaimsPrincipal user, CancellationToken ct) =>
        await update.HandleAsync(id, request, user.Actor(), ct) ? TypedResults.Ok((await get.HandleAsync(id, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Created<IdentityView>, Ok<IdentityView>, NotFound>> AddIdentityAsync(
        long id, AddIdentityRequest request, AddIdentity add, ClaimsPrincipal user, CancellationToken ct) =>
        await add.HandleAsync(id, request, user.Actor(), ct) switch
        {
            null => TypedResults.NotFound(),
            { IsNew: true, Identity: var identity } => TypedResults.Created($"/api/v1/customers/{id}", identity),
            { Identity: var identity } => TypedResults.Ok(identity),
        };

    private static async Task<Results<NoContent, NotFound>> RemoveIdentityAsync(
        long id, long identityId, RemoveIdentity remove, ClaimsPrincipal user, CancellationToken ct) =>
        await remove.HandleAsync(id, identityId, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<CustomerDetails>, NotFound>> MergeAsync(
        long id, MergeCustomersRequest request, MergeCustomers merge, GetCustomer get, ClaimsPrincipal user, CancellationToken ct) =>
        await merge.HandleAsync(id, request, user.Actor(), ct) ? TypedResults.Ok((await get.HandleAsync(id, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketPage>, NotFound>> TicketsAsync(
        long id, ListTickets list, KalingaDb db, CancellationToken ct, string sort = "-updated", int limit = 50, string? cursor = null)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (by, descending) = ListTickets.ParseSort(sort);
        return TypedResults.Ok(await list.HandleAsync(new TicketFilter { CustomerId = id }, by, descending, limit, cursor, ct));
    }

    private static async Task<Results<Ok<TimelinePage>, NotFound>> TimelineAsync(
        long id, GetCustomerTimeline timeline, CancellationToken ct, int limit = 50, string? cursor = null) =>
        await timeline.HandleAsync(id, limit, cursor, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
}
