using Kalinga.Channels.Email;
using Kalinga.Tests.Infrastructure;
using MailKit;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// POP3 against Dovecot. Only this class uses the second test account (sales@), because POP3 has no folders to
/// keep test classes apart; anything else found there (from earlier runs) is fetched too and must not confuse it.
/// </summary>
public sealed class Pop3Tests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static object Pop3Settings(bool delete) => new
    {
        protocol = "pop3", host = MailServers.Pop3.Host, port = MailServers.Pop3.Port, security = "none",
        user = MailServers.Sales.User, password = MailServers.Sales.Password, deleteAfterFetch = delete,
    };

    private static async Task<List<string>> SendToSalesAsync(int count)
    {
        var messages = Enumerable.Range(0, count)
            .Select(i => MailServers.Message($"pop-{Guid.NewGuid():N}@example.test", MailServers.Sales.User, $"Quote {i}", $"Please send a quote for {i + 1} fridges.")).ToArray();
        await MailServers.SendAsync(messages);
        var ids = messages.Select(m => m.MessageId!).ToList();
        await MailServers.WaitForAsync(async () => (await InSalesAsync(ids)) == ids.Count, "the messages to reach sales@");
        return ids;
    }

    private static async Task<int> InSalesAsync(IEnumerable<string> ids)
    {
        using var client = await MailServers.ConnectAsync(MailServers.Sales);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = 0;
        foreach (var id in ids)
        {
            count += (await client.Inbox.SearchAsync(SearchQuery.HeaderContains("Message-ID", id))).Count;
        }

        await client.DisconnectAsync(true);
        return count;
    }

    private Task<int> StoredAsync(IEnumerable<string> ids)
    {
        var externalIds = ids.Select(i => $"<{i}>").ToList();
        return app.WithDbAsync(db => db.Messages.CountAsync(m => m.ExternalId != null && externalIds.Contains(m.ExternalId)));
    }

    [Fact]
    public async Task Messages_left_on_the_server_are_fetched_once_by_their_uidl()
    {
        var client = await app.ClientAsync();
        var ids = await SendToSalesAsync(2);
        var mailbox = await client.CreateMailboxAsync($"sales-keep-{Guid.NewGuid():N}@helpdesk.test", Pop3Settings(delete: false));

        var first = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();
        var second = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Null(first.Error);
        Assert.True(first.Committed >= 2, $"committed {first.Committed}");
        Assert.Equal(0, second.Committed);
        Assert.Equal(2, await StoredAsync(ids));
        Assert.Equal(2, await InSalesAsync(ids));
    }

    [Fact]
    public async Task With_delete_after_fetch_messages_leave_the_server_only_once_stored()
    {
        var client = await app.ClientAsync();
        var ids = await SendToSalesAsync(3);
        var mailbox = await client.CreateMailboxAsync($"sales-delete-{Guid.NewGuid():N}@helpdesk.test", Pop3Settings(delete: true));

        var fetched = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Null(fetched.Error);
        Assert.Equal(3, await StoredAsync(ids));
        Assert.Equal(0, await InSalesAsync(ids));
        Assert.Equal(0, (await client.GetAsync<MailboxView>($"/api/v1/mailboxes/{mailbox.Id}")).Health.MessagesWaiting);
    }
}
