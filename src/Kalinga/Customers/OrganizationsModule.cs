using Kalinga.Agents.Auth;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>The organizations endpoints, part of the Customers feature (services are registered in <see cref="CustomersModule"/>).</summary>
public static class OrganizationsModule
{
    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").WithTags("Organizations").RequireAuthorization(Policies.Agent);

        group.MapPost("/", CreateAsync).WithSummary("Creates an organization; customers with an e-mail at one of its domains join it");
        group.MapGet("/", ListAsync).WithSummary("Lists organizations by name, q a name prefix, with cursor pagination");
        group.MapGet("/{id:long}", GetAsync).WithSummary("Gets an organization with its number of customers");
        group.MapPatch("/{id:long}", UpdateAsync).WithSummary("Changes name, domains (the whole list) or notes");
        group.MapGet("/{id:long}/customers", CustomersAsync).WithSummary("Lists the organization's customers by name, with cursor pagination");
        group.MapGet("/{id:long}/tickets", TicketsAsync).WithSummary("Lists the organization's tickets, with sorting and cursor pagination");
        return app;
    }

    private static async Task<Created<OrganizationDetails>> CreateAsync(
        CreateOrganizationRequest request, CreateOrganization create, GetOrganization get, CancellationToken ct)
    {
        var organization = await create.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/organizations/{organization.Id}", await get.HandleAsync(organization.Id, ct));
    }

    private static async Task<Ok<OrganizationPage>> ListAsync(
        ListOrganizations list, CancellationToken ct, string? q = null, int limit = 50, string? cursor = null) =>
        TypedResults.Ok(await list.HandleAsync(q, limit, cursor, ct));

    private static async Task<Results<Ok<OrganizationDetails>, NotFound>> GetAsync(long id, GetOrganization get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } organization ? TypedResults.Ok(organization) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganizationDetails>, NotFound>> UpdateAsync(
        long id, UpdateOrganizationRequest request, UpdateOrganization update, GetOrganization get, CancellationToken ct) =>
        await update.HandleAsync(id, request, ct) ? TypedResults.Ok((await get.HandleAsync(id, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<CustomerPage>, NotFound>> CustomersAsync(
        long id, ListCustomers list, KalingaDb db, CancellationToken ct, string? q = null, bool? vip = null, int limit = 50, string? cursor = null) =>
        await db.Organizations.AnyAsync(o => o.Id == id, ct)
            ? TypedResults.Ok(await list.HandleAsync(new CustomerQuery(q, id, vip), limit, cursor, ct))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketPage>, NotFound>> TicketsAsync(
        long id, ListTickets list, KalingaDb db, CancellationToken ct, string sort = "-updated", int limit = 50, string? cursor = null)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (by, descending) = ListTickets.ParseSort(sort);
        return TypedResults.Ok(await list.HandleAsync(new TicketFilter { OrganizationId = id }, by, descending, limit, cursor, ct));
    }
}
