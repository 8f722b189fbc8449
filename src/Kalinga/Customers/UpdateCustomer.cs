using System.ComponentModel.DataAnnotations;
using Kalinga.Channels;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>
/// Fields to change; a field left out (or null) stays as it is. JSON null cannot mean "clear" here, so
/// <c>organizationId: 0</c> removes the customer from its organization and <c>notes: ""</c> clears the notes.
/// Segments replace the whole set. Identities change through their own endpoints.
/// </summary>
public sealed record UpdateCustomerRequest(
    [StringLength(200)] string? Name = null,
    string? Language = null,
    long? OrganizationId = null,
    Channel? PreferredChannel = null,
    bool? Vip = null,
    IReadOnlyList<string>? Segments = null,
    bool? MarketingConsent = null,
    [StringLength(4000)] string? Notes = null,
    bool? OrganizationAdmin = null);

public sealed class UpdateCustomer(KalingaDb db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long id, UpdateCustomerRequest request, Actor actor, CancellationToken ct)
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return false;
        }

        if (request.OrganizationId is { } organization and not 0 && !await db.Organizations.AnyAsync(o => o.Id == organization, ct))
        {
            throw new RuleException("organizationId", new LocalText("Loc4_Problem.Customers.NoOrganizationUse0", organization));
        }

        var language = request.Language is null ? null
            : Languages.Normalize(request.Language) ?? throw new RuleException("language", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
        var edit = new CustomerEdit(
            request.Name, language, request.OrganizationId, request.PreferredChannel, request.Vip, request.Segments, request.MarketingConsent, request.Notes, request.OrganizationAdmin);

        if (customer.Update(edit, actor, clock.GetUtcNow().UtcDateTime) is { } updated)
        {
            db.Events.Add(updated);
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
