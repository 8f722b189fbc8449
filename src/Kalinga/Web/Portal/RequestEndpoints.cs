using Kalinga.Attachments;
using Kalinga.Channels.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kalinga.Web.Portal;

/// <summary>The portal's non-page endpoints for signed-in customers.</summary>
public static class RequestEndpoints
{
    public static void MapRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/requests").ExcludeFromDescription();
        group.MapGet("/{number:long}/files/{id:long}", DownloadAsync);

        // A form post with an antiforgery token, so another site cannot sign a customer out.
        group.MapPost("/sign-out", async ([FromForm] string? returnUrl, PortalSession session) =>
        {
            await session.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        });
    }

    /// <summary>
    /// An attachment of a request the customer may see, on a public message; "not found" for everything else, so
    /// guessing numbers reveals nothing. Served as a download that cannot run in the portal's origin.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, NotFound, RedirectHttpResult>> DownloadAsync(
        long number, long id, PortalSession session, PortalRequests requests, IBlobStore blobs, HttpResponse response, CancellationToken ct)
    {
        if (await session.ViewerAsync() is not { } viewer)
        {
            return TypedResults.Redirect($"/requests/sign-in?returnUrl={Uri.EscapeDataString($"/requests/{number}")}");
        }

        var attachment = await requests.AttachmentAsync(viewer, number, id, ct);
        if (attachment is null || await blobs.OpenReadAsync(attachment.Sha256, ct) is not { } content)
        {
            return TypedResults.NotFound();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(content, attachment.ContentType, attachment.FileName);
    }
}
