using System.Globalization;
using System.Security.Claims;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kalinga.Customers.Auth;

/// <summary>
/// The portal's own cookie scheme. It is separate from the agents' on purpose: a customer principal carries no role,
/// the agent policies never read this cookie, and the portal never reads the agent's. A session follows its customer:
/// merged into another customer, it continues as that one; deleted, it ends.
/// </summary>
public static class CustomerAuth
{
    public const string Scheme = "Customer";
    public const string CookieName = "kalinga.customer";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static void Configure(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;

        // Lax: a customer arriving from a link in an e-mail is still signed in; forms carry antiforgery tokens.
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromDays(14);
        o.SlidingExpiration = true;
        o.LoginPath = "/requests/sign-in";
        o.AccessDeniedPath = "/requests/sign-in";
        o.Events.OnValidatePrincipal = ValidateAsync;
    }

    public static ClaimsPrincipal PrincipalFor(long customerId, string name) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, customerId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, name),
                new Claim(Agents.Auth.Policies.ActorKindClaim, nameof(ActorKind.Customer)),
            ],
            Scheme));

    /// <summary>The signed-in customer's id, or null: only a principal this scheme issued counts.</summary>
    public static long? CustomerId(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: Scheme } && user.FindFirstValue(Agents.Auth.Policies.ActorKindClaim) == nameof(ActorKind.Customer)
            ? long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture)
            : null;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (CustomerId(context.Principal) is not { } id)
        {
            context.RejectPrincipal();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var current = await services.GetRequiredService<IMemoryCache>().GetOrCreateAsync($"kalinga:customer-session:{id}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var db = services.GetRequiredService<KalingaDb>();
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.Name, c.MergedIntoId }).SingleOrDefaultAsync();
            for (var hops = 0; customer?.MergedIntoId is { } next && hops < 10; hops++)
            {
                customer = await db.Customers.AsNoTracking().Where(c => c.Id == next).Select(c => new { c.Id, c.Name, c.MergedIntoId }).SingleOrDefaultAsync();
            }

            return customer is null ? null : new Session(customer.Id, customer.Name);
        });

        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
        else if (current.Id != id || current.Name != context.Principal!.Identity!.Name)
        {
            context.ReplacePrincipal(PrincipalFor(current.Id, current.Name));
            context.ShouldRenew = true;
        }
    }

    private sealed record Session(long Id, string Name);
}
