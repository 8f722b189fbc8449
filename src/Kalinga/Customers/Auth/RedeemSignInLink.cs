using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers.Auth;

/// <summary>
/// Trades a sign-in link's secret for the customer it was sent to, once. The row is claimed with a conditional UPDATE,
/// so two clicks racing each other (a mail scanner and the customer) cannot both sign in.
/// </summary>
public sealed class RedeemSignInLink(KalingaDb db, TimeProvider clock)
{
    public async Task<(long Id, string Name)?> HandleAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = SignInLink.HashOf(secret.Trim());
        var claimed = await db.SignInLinks
            .Where(l => l.Hash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        if (claimed != 1)
        {
            return null;
        }

        var customerId = await db.SignInLinks.Where(l => l.Hash == hash).Select(l => l.CustomerId).SingleAsync(ct);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.Id, c.Name, c.MergedIntoId }).SingleAsync(ct);
        for (var hops = 0; customer.MergedIntoId is { } next && hops < 10; hops++)
        {
            customer = await db.Customers.AsNoTracking().Where(c => c.Id == next).Select(c => new { c.Id, c.Name, c.MergedIntoId }).SingleAsync(ct);
        }

        var account = await db.PortalAccounts.SingleOrDefaultAsync(a => a.CustomerId == customer.Id, ct);
        if (account is null)
        {
            account = new PortalAccount(customer.Id);
            db.PortalAccounts.Add(account);
        }

        account.SignedIn(now);
        await db.SaveChangesAsync(ct);
        return (customer.Id, customer.Name);
    }

    /// <summary>Whether a link can still be used, without using it: the page behind the link asks for one click first.</summary>
    public async Task<bool> IsUsableAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = SignInLink.HashOf(secret.Trim());
        return await db.SignInLinks.AnyAsync(l => l.Hash == hash && l.UsedAt == null && l.ExpiresAt > now, ct);
    }
}
