using System.Net;
using System.Net.Http.Headers;
using Kalinga.Channels.Email;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Channels.Email;

/// <summary>E-mail helpers for app tests: mailboxes through the admin API, raw messages through the MTA endpoint.</summary>
public static class EmailApi
{
    public static async Task<MailboxView> CreateMailboxAsync(this HttpClient client, string address, object? inbound = null, object? outbound = null, bool sendReceipt = true, long? defaultTeamId = null)
    {
        var body = new { address, displayName = "Lumen Support", inbound, outbound, sendReceipt, defaultTeamId };
        return await (await client.PostAsync("/api/v1/mailboxes", body)).ReadAsync<MailboxView>(HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, long mailboxId, byte[] raw, string contentType = "message/rfc822")
    {
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PostAsync($"/api/v1/mailboxes/{mailboxId}/raw", content);
    }

    public static async Task<IntakeResult> DeliverAsync(this HttpClient client, long mailboxId, byte[] raw, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostRawAsync(mailboxId, raw)).ReadAsync<IntakeResult>(expected);

    public static Task<TicketDetails> TicketAsync(this HttpClient client, long number) => client.GetAsync<TicketDetails>($"/api/v1/tickets/{number}");

    /// <summary>A small, well-formed message; extra header lines go above the blank line.</summary>
    public static byte[] Mail(string from, string subject, string body, string messageId, params string[] headers) =>
        System.Text.Encoding.UTF8.GetBytes(
            $"From: {from}\r\nTo: support@helpdesk.test\r\nSubject: {subject}\r\nMessage-ID: {messageId}\r\nDate: Mon, 02 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "\r\n" + body + "\r\n");

    public static string NewId(string tag) => $"<{tag}-{Guid.NewGuid():N}@example.test>";
}
