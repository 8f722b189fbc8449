using System.Net.Http.Headers;
using Kalinga.Channels.Email;
using Kalinga.Data;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using MailKit;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// Nothing lost, nothing doubled: the real binary fetches a batch from Dovecot and sends receipts and replies
/// through Postfix while it is killed (SIGKILL) in the middle; a restarted node finishes the work. Every message
/// must be stored exactly once and every reply must reach smtp-sink exactly once, counted by Message-ID.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Count = 40;
    private readonly string folder = $"kalinga-crash-{Guid.NewGuid():N}";
    private readonly string data = Directory.CreateTempSubdirectory("kalinga-crash-").FullName;
    private string connectionString = "";

    public async ValueTask InitializeAsync() => connectionString = await TestDatabase.CreateAsync(nameof(CrashTests));

    public async ValueTask DisposeAsync()
    {
        await TestDatabase.DropAsync(connectionString);
        await MailServers.DeleteFolderAsync(folder);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_node_killed_while_fetching_and_sending_loses_and_doubles_nothing()
    {
        var environment = KalingaNode.Environment(connectionString, data);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var messages = Enumerable.Range(0, Count)
            .Select(i => MailServers.Message($"crash{i}-{tag}@example.test", MailServers.Support.User, $"Crash test {i}", $"Message {i} of the crash test.")).ToArray();
        await MailServers.SendAsync(messages);
        var ids = messages.Select(m => $"<{m.MessageId}>").ToList();
        await MailServers.MoveArrivedAsync(MailServers.Support, [.. messages.Select(m => m.MessageId!)], folder);
        var token = (await KalingaNode.RunVerbAsync(environment, "create-api-token", "--name", "crash-test", "--role", "admin")).Trim();

        string killedAt;
        using (var first = await KalingaNode.StartAsync(environment))
        {
            using var client = Client(first.Url, token);
            await client.CreateMailboxAsync(MailServers.Support.User, MailServers.ImapSettings(folder), MailServers.SmtpSettings);
            await MailServers.WaitForAsync(async () => await StoredAsync(ids) >= Count / 4, "a quarter of the batch", 60);
            foreach (var number in await TicketNumbersAsync(ids, 3))
            {
                await client.PostAsync($"/api/v1/tickets/{number}/replies", new { text = $"Reply to ticket {number} before the crash." });
            }

            first.Kill();
            killedAt = $"stored {await StoredAsync(ids)} of {Count}, sent {await OutboundAsync(DeliveryStatus.Sent)} replies";
            output.WriteLine($"Killed with {killedAt}.");
        }

        using (var second = await KalingaNode.StartAsync(environment))
        {
            // A batch the dead node had claimed in the event outbox waits for its one-minute lease to expire.
            await MailServers.WaitForAsync(async () => await StoredAsync(ids) == Count && await OutboundAsync(DeliveryStatus.Sent) == Count + 3, $"the restarted node to finish ({killedAt} at the kill)", 150);
        }

        await using var db = TestDatabase.Open(connectionString);
        var inbound = await db.Messages.Where(m => m.ExternalId != null && ids.Contains(m.ExternalId)).ToListAsync();
        Assert.Equal(ids.Order(), inbound.Select(m => m.ExternalId!).Order());
        Assert.Equal(Count, inbound.Select(m => m.TicketId).Distinct().Count());
        var outbound = await db.Messages.Where(m => m.Direction == MessageDirection.Out)
            .Join(db.EmailRecords, m => m.Id, r => r.MessageId, (m, r) => new { m.ExternalId, m.DeliveryStatus, r.SendAttempts }).ToListAsync();
        Assert.Equal(Count + 3, outbound.Count);
        Assert.All(outbound, o => Assert.Equal(DeliveryStatus.Sent, o.DeliveryStatus));

        var sentIds = outbound.Select(o => o.ExternalId!.Trim('<', '>')).ToHashSet();
        var sink = await MailServers.SinkAsync(m => sentIds.Contains(m.MessageId ?? ""), atLeast: sentIds.Count, seconds: 60);
        var copies = sink.GroupBy(m => m.MessageId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(sentIds.Order(), copies.Keys.Order());

        // The one duplicate Kalinga cannot rule out (docs/adr/0007-email-delivery.md): SMTP accepted a reply and the
        // process died before "sent" was committed. Such a reply shows a second attempt and goes out again under the
        // same Message-ID. Anything else sent twice is a bug.
        var inDoubt = outbound.Where(o => o.SendAttempts > 1).Select(o => o.ExternalId!.Trim('<', '>')).ToHashSet();
        output.WriteLine($"{inDoubt.Count} replies were in doubt after the kill and sent again under the same Message-ID.");
        Assert.All(copies, c => Assert.True(c.Value == 1 || (c.Value == 2 && inDoubt.Contains(c.Key)), $"{c.Key} reached the sink {c.Value} times ({killedAt} at the kill)"));

        using var imap = await MailServers.ConnectAsync(MailServers.Support);
        var box = await MailServers.FolderAsync(imap, folder);
        await box.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(Count, (await box.SearchAsync(SearchQuery.Seen)).Count);
    }

    private static HttpClient Client(string url, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<int> StoredAsync(List<string> ids)
    {
        await using var db = TestDatabase.Open(connectionString);
        return await db.Messages.CountAsync(m => m.ExternalId != null && ids.Contains(m.ExternalId));
    }

    private async Task<int> OutboundAsync(DeliveryStatus status)
    {
        await using var db = TestDatabase.Open(connectionString);
        return await db.Messages.CountAsync(m => m.Direction == MessageDirection.Out && m.DeliveryStatus == status);
    }

    private async Task<List<long>> TicketNumbersAsync(List<string> ids, int take)
    {
        await using var db = TestDatabase.Open(connectionString);
        return await db.Tickets.Where(t => t.Messages.Any(m => m.ExternalId != null && ids.Contains(m.ExternalId)))
            .OrderBy(t => t.Number).Select(t => t.Number).Take(take).ToListAsync();
    }
}
