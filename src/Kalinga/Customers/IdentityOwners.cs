using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>An address a request wants for a customer, normalized, with the request field it came from.</summary>
public sealed record IdentityClaim(IdentityKind Kind, string Value, string Field)
{
    /// <summary>Validates and normalizes a request's address, refusing an invalid one naming <paramref name="field"/>.</summary>
    public static IdentityClaim From(IdentityKind kind, string value, string field) =>
        CustomerIdentity.IsValid(kind, value)
            ? new IdentityClaim(kind, CustomerIdentity.Normalize(kind, value), field)
            : throw new RuleException(field, Invalid(kind, value));

    /// <summary>"'…' is not a valid e-mail address" (or phone number, chat or social identity), said in the reader's language.</summary>
    public static LocalText Invalid(IdentityKind kind, string value) => new(kind switch
    {
        IdentityKind.Email => "Loc4_Problem.Customers.InvalidEmail",
        IdentityKind.Phone => "Loc4_Problem.Customers.InvalidPhone",
        IdentityKind.Chat => "Loc4_Problem.Customers.InvalidChat",
        _ => "Loc4_Problem.Customers.InvalidSocial",
    }, value);
}

/// <summary>
/// Who holds an address. The unique index on (Kind, Value) has the last word; these checks turn its refusal into
/// a 409 that names the field and the customer holding the address, so the agent knows to merge instead.
/// </summary>
public sealed class IdentityOwners(KalingaDb db)
{
    public async Task EnsureFreeAsync(IReadOnlyList<IdentityClaim> claims, long? customerId, CancellationToken ct)
    {
        foreach (var claim in claims)
        {
            var owner = await db.CustomerIdentities.AsNoTracking()
                .Where(i => i.Kind == claim.Kind && i.Value == claim.Value)
                .Select(i => (long?)i.CustomerId)
                .FirstOrDefaultAsync(ct);
            if (owner is { } id && id != customerId)
            {
                throw new ConflictException(claim.Field, new LocalText("Loc4_Problem.Customers.IdentityTaken", claim.Value, id));
            }
        }
    }

    /// <summary>
    /// Saves, and when another request took one of the addresses between the check and the save, answers 409 instead
    /// of letting the unique-index violation become a 500.
    /// </summary>
    public async Task SaveAsync(IReadOnlyList<IdentityClaim> claims, long? customerId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (claims.Count > 0)
        {
            // PostgreSQL refuses every statement in a transaction after an error, so the check needs it gone first.
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.RollbackAsync(ct);
            }

            await EnsureFreeAsync(claims, customerId, ct);
            throw;
        }
    }
}
