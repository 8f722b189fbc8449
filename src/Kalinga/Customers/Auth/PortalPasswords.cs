using Kalinga.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers.Auth;

public enum PasswordSignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
}

/// <summary>
/// The optional portal password: set by a signed-in customer, checked with the same hasher and lockout as agents'.
/// A wrong address and a wrong password look the same to the caller.
/// </summary>
public sealed class PortalPasswords(KalingaDb db, IPasswordHasher<PortalAccount> hasher, TimeProvider clock)
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    public async Task SetAsync(long customerId, string password, CancellationToken ct)
    {
        if (password is not { Length: >= MinLength and <= MaxLength })
        {
            throw new RuleException("password", new LocalText("Adm3_Problem.Password", MinLength, MaxLength));
        }

        var account = await db.PortalAccounts.SingleOrDefaultAsync(a => a.CustomerId == customerId, ct);
        if (account is null)
        {
            account = new PortalAccount(customerId);
            db.PortalAccounts.Add(account);
        }

        account.PasswordHash = hasher.HashPassword(account, password);
        await db.SaveChangesAsync(ct);
    }

    public async Task<(PasswordSignInOutcome Outcome, long? CustomerId, string? Name)> SignInAsync(string email, string password, CancellationToken ct)
    {
        if (!CustomerIdentity.IsValid(IdentityKind.Email, email ?? "") || password is not { Length: > 0 and <= MaxLength })
        {
            return (PasswordSignInOutcome.WrongCredentials, null, null);
        }

        var address = CustomerIdentity.Normalize(IdentityKind.Email, email!);
        var found = await db.Customers.Where(c => c.Identities.Any(i => i.Kind == IdentityKind.Email && i.Value == address))
            .Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(ct);
        var account = found is null ? null : await db.PortalAccounts.SingleOrDefaultAsync(a => a.CustomerId == found.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (account?.PasswordHash is null)
        {
            return (PasswordSignInOutcome.WrongCredentials, null, null);
        }

        if (account.IsLocked(now))
        {
            return (PasswordSignInOutcome.LockedOut, null, null);
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.Failed(now);
            await db.SaveChangesAsync(ct);
            return (account.IsLocked(now) ? PasswordSignInOutcome.LockedOut : PasswordSignInOutcome.WrongCredentials, null, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.SignedIn(now);
        await db.SaveChangesAsync(ct);
        return (PasswordSignInOutcome.SignedIn, found!.Id, found.Name);
    }
}
