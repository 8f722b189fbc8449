namespace Kalinga.Web.Portal;

/// <summary>
/// A portal page that answers 404 with its own "page not found" content. Set while rendering, a 404 makes Blazor drop
/// the page's body (it expects a not-found page to re-execute into) and the API's status-code pages then answer with
/// problem details JSON, which is for programs, not a customer's browser. So the status is set as the rendered page
/// starts to go out.
/// </summary>
public static class PortalNotFound
{
    public static void Answer(HttpContext context) =>
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
}
