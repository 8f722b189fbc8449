using System.Globalization;
using Kalinga.Channels.Web;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Localization.Resources;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Customers.Auth;

/// <summary>
/// Sends a one-time sign-in link to an address a customer is known by. The answer is the same whether the address is
/// known or not, so the form tells nobody who our customers are; a customer gets at most a few links per hour.
/// The mail is queued with a customer event, and the e-mail channel delivers it from the outbox.
/// </summary>
public sealed class RequestSignInLink(KalingaDb db, IOptions<PortalOptions> options, TimeProvider clock)
{
    public const int MaxPerHour = 5;
    public const string MailQueued = "portal.mail_queued";

    public async Task HandleAsync(string email, string language, string? returnUrl, CancellationToken ct)
    {
        if (!CustomerIdentity.IsValid(IdentityKind.Email, email ?? ""))
        {
            throw new RuleException("email", new LocalText("Loc4_Problem.Portal.SignInEmail"));
        }

        var address = CustomerIdentity.Normalize(IdentityKind.Email, email!);
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Identities.Any(i => i.Kind == IdentityKind.Email && i.Value == address))
            .Select(c => new { c.Id, c.Name, c.Language, c.MergedIntoId })
            .SingleOrDefaultAsync(ct);
        if (customer is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        if (await db.SignInLinks.CountAsync(l => l.CustomerId == customer.Id && l.CreatedAt > hourAgo, ct) >= MaxPerHour)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (link, secret) = SignInLink.Create(customer.Id, address, now);
        db.SignInLinks.Add(link);
        var lang = Languages.Normalize(language) ?? Languages.Normalize(customer.Language) ?? Languages.Default;
        var culture = Localized.Culture(lang);
        var url = $"{options.Value.PublicUrl.TrimEnd('/')}/requests/sign-in/link?token={secret}" + (IsLocal(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : "");
        var text = string.Format(culture, PortalText.Get("Mail.SignIn.Body", lang), customer.Name, url, (int)SignInLink.Lifetime.TotalMinutes);
        var mail = new PortalMail(customer.Id, address, lang, PortalText.Get("Mail.SignIn.Subject", lang), text, secret, now);
        db.PortalMail.Add(mail);
        await db.SaveChangesAsync(ct);

        db.Events.Add(TicketEvent.ForCustomer(customer.Id, MailQueued, Actor.Customer(customer.Id), now, new { mail = mail.Id, kind = "sign_in_link" }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Only a path on this site: a return address elsewhere would make the link a phishing tool.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and < 500 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
