using Kalinga.Channels.Web;
using Kalinga.Customers.Auth;
using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.AspNetCore.Authentication;

namespace Kalinga.Web.Portal;

/// <summary>
/// Who is using the portal in this request, from the customer cookie only: an agent's session is a different cookie
/// and never makes anyone a customer here. Read once per request, before the page renders (see
/// <see cref="PortalModule.UsePortal"/>): a layout and its page initialize concurrently, and two of them querying the
/// request's one DbContext at once would fail.
/// </summary>
public sealed class PortalSession(IHttpContextAccessor http, KalingaDb db)
{
    private PortalViewer? viewer;
    private bool loaded;

    public static string Language => Languages.Normalize(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? Languages.Default;

    public async Task<PortalViewer?> ViewerAsync()
    {
        await LoadAsync();
        return viewer;
    }

    public async Task LoadAsync()
    {
        if (!loaded)
        {
            var context = http.HttpContext ?? throw new InvalidOperationException("The portal runs in a request.");
            var result = await context.AuthenticateAsync(CustomerAuth.Scheme);
            viewer = CustomerAuth.CustomerId(result.Principal) is { } id ? await PortalViewer.LoadAsync(db, id, context.RequestAborted) : null;
            loaded = true;
        }
    }

    public async Task SignInAsync(long customerId, string name)
    {
        await http.HttpContext!.SignInAsync(CustomerAuth.Scheme, CustomerAuth.PrincipalFor(customerId, name));
        loaded = false;
    }

    public async Task SignOutAsync() => await http.HttpContext!.SignOutAsync(CustomerAuth.Scheme);
}
