using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kalinga.Attachments;

public static class AttachmentsModule
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration("Attachments")
            .Validate(o => o.MaxBytes > 0, "Attachments:MaxBytes must be a positive number of bytes.")
            .ValidateOnStart();
        services.AddScoped<UploadAttachments>();
        return services;
    }

    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes;
        var group = app.MapGroup("/api/v1/attachments").WithTags("Attachments").RequireAuthorization(Policies.Agent);

        // No antiforgery token: programs call these endpoints with bearer tokens, and the agent's session cookie is
        // SameSite=Strict, so a form posted from another site never carries it.
        group.MapPost("/", UploadAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadForm.BodyLimit(maxBytes)))
            .WithFormOptions(multipartBodyLengthLimit: maxBytes)
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Uploads one or more files (multipart field 'file') for a later reply, note or ticket");
        group.MapGet("/{id:long}", DownloadAsync)
            .WithSummary("Downloads an attachment; the ETag is its SHA-256");
        return app;
    }

    private static async Task<Created<List<UploadedAttachment>>> UploadAsync(
        HttpRequest request, UploadAttachments upload, IOptions<AttachmentOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var files = await UploadForm.ReadFilesAsync(request, options.Value.MaxBytes, ct);
        return TypedResults.Created((string?)null, await upload.HandleAsync(files, user.Actor(), ct));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        long id, KalingaDb db, IBlobStore blobs, HttpResponse response, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.FileName, a.ContentType, a.Sha256 })
            .SingleOrDefaultAsync(ct);
        if (attachment is null || await blobs.OpenReadAsync(attachment.Sha256, ct) is not { } content)
        {
            return TypedResults.NotFound();
        }

        // Whatever a file holds (HTML, SVG, a script), the browser saves it instead of running it inside Kalinga's origin.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";

        // The content never changes under an id, so its hash is a strong validator; the file result answers If-None-Match.
        return TypedResults.Stream(content, attachment.ContentType, attachment.FileName,
            entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""), enableRangeProcessing: true);
    }
}
