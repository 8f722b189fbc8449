using System.Net;
using System.Net.Http.Headers;
using Kalinga.Attachments;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Attachments;

/// <summary>Uploading files as a browser or an integration would: multipart/form-data, field "file".</summary>
public static class Uploads
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    public static readonly byte[] WindowsProgram = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, params (string Name, string? Type, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            if (type is not null)
            {
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }

            form.Add(part, "file", name);
        }

        return client.PostAsync("/api/v1/attachments", form);
    }

    public static async Task<UploadedAttachment> UploadOneAsync(this HttpClient client, string name, string? type, byte[] bytes) =>
        Assert.Single(await (await client.UploadAsync((name, type, bytes))).ReadAsync<List<UploadedAttachment>>(HttpStatusCode.Created));

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        bytes[0] = (byte)'x';
        return bytes;
    }

    /// <summary>Blob files under the data directory, leaving out the folder where blobs are written before they get their name.</summary>
    public static int BlobCount(string dataDirectory)
    {
        var root = Path.Combine(dataDirectory, "blobs");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count(f => !f.Contains($"{Path.DirectorySeparatorChar}incoming{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : 0;
    }
}
