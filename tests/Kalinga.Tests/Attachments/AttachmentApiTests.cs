using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Kalinga.Attachments;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Attachments;

public sealed class AttachmentApiTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Uploaded_file_downloads_with_identical_bytes_and_its_hash_as_etag()
    {
        var client = await app.ClientAsync();
        var bytes = Uploads.RandomBytes(200_000);

        var uploaded = await client.UploadOneAsync("manual.bin", "application/octet-stream", bytes);
        var download = await client.GetAsync($"/api/v1/attachments/{uploaded.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(bytes.Length, uploaded.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), uploaded.Sha256);
        Assert.Equal(new EntityTagHeaderValue($"\"{uploaded.Sha256}\""), download.Headers.ETag);
    }

    [Fact]
    public async Task Download_answers_304_when_the_client_already_has_the_file()
    {
        var client = await app.ClientAsync();
        var uploaded = await client.UploadOneAsync("photo.png", "image/png", Uploads.Png);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/attachments/{uploaded.Id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{uploaded.Sha256}\""));
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Same_bytes_uploaded_twice_are_stored_once()
    {
        var client = await app.ClientAsync();
        var bytes = Uploads.RandomBytes(5_000);
        var before = Uploads.BlobCount(app.DataDirectory);

        var first = await client.UploadOneAsync("a.txt", "text/plain", bytes);
        var second = await client.UploadOneAsync("b.txt", "text/plain", bytes);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(before + 1, Uploads.BlobCount(app.DataDirectory));
    }

    [Fact]
    public async Task Uploaded_file_appears_on_the_reply_that_uses_it()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync();
        var uploaded = await client.UploadOneAsync("invoice.pdf", "application/pdf", [.. "%PDF-1.7\n"u8, .. Uploads.RandomBytes(100)]);

        var reply = await client.PostAsync($"/api/v1/tickets/{ticket.Number}/replies", new { text = "Your invoice.", attachmentIds = new[] { uploaded.Id } });
        await reply.ReadAsync<MessageView>(HttpStatusCode.Created);

        var after = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}");
        var attachment = Assert.Single(after.Messages[^1].Attachments);
        Assert.Equal(new AttachmentView(uploaded.Id, "invoice.pdf", "application/pdf", uploaded.Size), attachment);
    }

    [Fact]
    public async Task Attachment_already_on_a_message_cannot_be_used_again()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync();
        var uploaded = await client.UploadOneAsync("notes.txt", "text/plain", Uploads.RandomBytes(50));
        (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/notes", new { text = "See file.", attachmentIds = new[] { uploaded.Id } })).EnsureSuccessStatusCode();

        var again = await client.PostAsync($"/api/v1/tickets/{ticket.Number}/replies", new { text = "Same file.", attachmentIds = new[] { uploaded.Id } });

        var problem = await again.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("attachmentIds", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Program_renamed_to_a_photo_is_refused_and_nothing_of_the_upload_is_stored()
    {
        var client = await app.ClientAsync();
        var before = Uploads.BlobCount(app.DataDirectory);

        var response = await client.UploadAsync(("holiday.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, .. Uploads.RandomBytes(300)]), ("photo.png", "image/png", Uploads.WindowsProgram));

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("'photo.png'", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("Windows program", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, Uploads.BlobCount(app.DataDirectory));
    }

    [Fact]
    public async Task Png_sent_as_octet_stream_is_stored_and_served_as_png()
    {
        var client = await app.ClientAsync();

        var uploaded = await client.UploadOneAsync("C:\\Users\\ana\\Desktop\\scan", "application/octet-stream", Uploads.Png);
        var download = await client.GetAsync($"/api/v1/attachments/{uploaded.Id}", TestContext.Current.CancellationToken);

        Assert.Equal("image/png", uploaded.ContentType);
        Assert.Equal("scan", uploaded.FileName);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Html_file_is_served_as_a_download_the_browser_must_not_sniff_or_render()
    {
        var client = await app.ClientAsync();
        var html = Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script></html>");

        var uploaded = await client.UploadOneAsync("Ulat ng pagkukumpuni – łódź.html", "text/html; charset=utf-8", html);
        var download = await client.GetAsync($"/api/v1/attachments/{uploaded.Id}", TestContext.Current.CancellationToken);

        Assert.Equal("text/html", uploaded.ContentType);
        Assert.Equal(html, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Ulat ng pagkukumpuni – łódź.html", disposition.FileNameStar);
    }

    [Fact]
    public async Task Unknown_attachment_is_not_found()
    {
        var client = await app.ClientAsync();

        var response = await client.GetAsync("/api/v1/attachments/987654321", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Attachment_whose_blob_is_gone_is_not_found()
    {
        var client = await app.ClientAsync();
        var uploaded = await client.UploadOneAsync("lost.txt", "text/plain", Uploads.RandomBytes(64));
        File.Delete(Path.Combine(app.DataDirectory, "blobs", uploaded.Sha256[..2], uploaded.Sha256[2..4], uploaded.Sha256));

        var response = await client.GetAsync($"/api/v1/attachments/{uploaded.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_without_files_is_a_bad_request()
    {
        var client = await app.ClientAsync();
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "note" } };

        var problem = await (await client.PostAsync("/api/v1/attachments", form, TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("file", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Attachments_need_a_token()
    {
        var client = await app.ClientAsync();
        var uploaded = await client.UploadOneAsync("a.txt", "text/plain", Uploads.RandomBytes(10));
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.UploadAsync(("b.txt", "text/plain", Uploads.RandomBytes(10)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/attachments/{uploaded.Id}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
