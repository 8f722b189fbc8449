namespace Kalinga.Attachments;

/// <summary>
/// Reads the multipart form of an upload. It is read here rather than bound as an <c>IFormFileCollection</c>
/// parameter because the binder answers a body over the limit with a bare 400, or with nothing at all, and the API
/// promises 413 problem details whichever limit is hit: Kestrel's body size, the multipart part length, or the total.
/// </summary>
public static class UploadForm
{
    /// <summary>Room for boundaries and part headers around files that together fill the limit.</summary>
    public const long Overhead = 64 * 1024;

    public static long BodyLimit(long maxBytes) => maxBytes + Overhead;

    public static async Task<IReadOnlyList<IncomingFile>> ReadFilesAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException(new LocalText("Loc4_Problem.Attachments.Multipart").Localized(), StatusCodes.Status415UnsupportedMediaType);
        }

        // Refuse what is announced as too large before reading a byte of it.
        if (request.ContentLength > BodyLimit(maxBytes))
        {
            throw AttachmentRefusedException.TooLarge(maxBytes);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw AttachmentRefusedException.TooLarge(maxBytes, e);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // The multipart reader reports a part over FormOptions.MultipartBodyLengthLimit this way; its only signal is the message.
            throw AttachmentRefusedException.TooLarge(maxBytes, e);
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException(new LocalText("Loc4_Problem.Attachments.MalformedMultipart", e.Message).Localized(), StatusCodes.Status400BadRequest, e);
        }

        return [.. form.Files.GetFiles("file").Select(f => new IncomingFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream))];
    }
}
