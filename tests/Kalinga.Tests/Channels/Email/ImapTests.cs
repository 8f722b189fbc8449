using System.Net;
using Kalinga.Channels.Email;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using MailKit;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// Real mail: customers' messages go through Postfix into Dovecot, Kalinga fetches them over IMAP, and its replies
/// go out through Postfix to smtp-sink. Each test reads a folder of its own in the shared support account.
/// </summary>
public sealed class ImapTests(ImapTests.App app) : IClassFixture<ImapTests.App>, IAsyncLifetime
{
    private readonly string folder = $"kalinga-imap-{Guid.NewGuid():N}";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await MailServers.DeleteFolderAsync(folder);
        await MailServers.DeleteFolderAsync(folder + "-done");
    }

    private async Task<(HttpClient Client, MailboxView Mailbox)> MailboxAsync(string? processed = null, string? address = null)
    {
        var client = await app.ClientAsync();
        var mailbox = await client.CreateMailboxAsync(address ?? $"imap-{Guid.NewGuid():N}@helpdesk.test", MailServers.ImapSettings(folder, processed), MailServers.SmtpSettings);
        return (client, mailbox);
    }

    private async Task<List<string>> DeliverAsync(params MimeKit.MimeMessage[] messages)
    {
        await MailServers.SendAsync(messages);
        var ids = messages.Select(m => m.MessageId!).ToList();
        await MailServers.MoveArrivedAsync(MailServers.Support, ids, folder);
        return ids;
    }

    private static MimeKit.MimeMessage FromCustomer(string customer, string subject, string text, string? inReplyTo = null, string to = "support@helpdesk.test") =>
        MailServers.Message(customer, to, subject, text, inReplyTo);

    [Fact]
    public async Task Fetched_messages_become_tickets_once_and_are_flagged_seen_only_after_commit()
    {
        var (client, mailbox) = await MailboxAsync();
        var ids = await DeliverAsync(
            FromCustomer($"ana-{Guid.NewGuid():N}@example.test", "Oven door", "The door does not close."),
            FromCustomer($"jun-{Guid.NewGuid():N}@example.test", "Fridge noise", "It hums all night."),
            FromCustomer($"lucia-{Guid.NewGuid():N}@example.test", "Lavastoviglie", "Buongiorno, la lavastoviglie non parte. Grazie"));

        var first = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();
        var second = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Equal((true, 3, (string?)null), (first.Fetched, first.Committed, first.Error));
        Assert.Equal(0, second.Committed);
        var stored = await app.WithDbAsync(db => db.Messages.Where(m => m.ExternalId != null && ids.Select(i => "<" + i + ">").Contains(m.ExternalId)).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.Equal(3, stored.Select(m => m.TicketId).Distinct().Count());
        using var imap = await MailServers.ConnectAsync(MailServers.Support);
        var box = await MailServers.FolderAsync(imap, folder);
        await box.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(3, (await box.SearchAsync(SearchQuery.Seen)).Count);
        var health = (await client.GetAsync<MailboxView>($"/api/v1/mailboxes/{mailbox.Id}")).Health;
        Assert.Equal(("ok", 0), (health.Status, health.MessagesWaiting));
        Assert.NotNull(health.LastFetchAt);
    }

    [Fact]
    public async Task Replies_go_out_by_smtp_threaded_and_the_customers_answer_comes_back_to_the_ticket()
    {
        var (client, mailbox) = await MailboxAsync(address: MailServers.Support.User);
        var customer = $"piotr-{Guid.NewGuid():N}@example.test";
        var ids = await DeliverAsync(FromCustomer(customer, "Pralka przecieka", "Dzień dobry, pralka przecieka. Pozdrawiam"));
        await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { });
        var number = await app.WithDbAsync(db => db.Tickets.Where(t => t.Messages.Any(m => m.ExternalId == "<" + ids[0] + ">")).Select(t => t.Number).SingleAsync());
        await client.PostAsync($"/api/v1/tickets/{number}/replies", new { text = "Technik przyjdzie w poniedziałek." });

        await app.DispatchAllAsync();

        var sent = await MailServers.SinkAsync(m => m.To.Mailboxes.Any(a => a.Address == customer), atLeast: 2);
        var receipt = Assert.Single(sent, m => m.Headers["Auto-Submitted"] == "auto-replied");
        var reply = Assert.Single(sent, m => m.Headers["Auto-Submitted"] is null);
        Assert.Equal($"Otrzymaliśmy Twoją wiadomość [#{number}]", receipt.Subject);
        Assert.Equal($"Re: Pralka przecieka [#{number}]", reply.Subject);
        Assert.Equal((ids[0], "pl"), (reply.InReplyTo, reply.Body!.Headers["Content-Language"]));
        Assert.Equal(mailbox.Address, reply.From.Mailboxes.Single().Address);
        Assert.Equal(ReplyAddress.For(mailbox.Address, number), reply.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(mailbox.Address, reply.Headers[LoopFilter.Header]);
        Assert.Contains("Technik przyjdzie", reply.TextBody, StringComparison.Ordinal);
        var ticket = await client.TicketAsync(number);
        Assert.All(ticket.Messages.Where(m => m.Direction == MessageDirection.Out), m => Assert.Equal(DeliveryStatus.Sent, m.DeliveryStatus));

        // The answer names no ticket and quotes no Message-ID: only the Reply-To address leads it to its ticket.
        await DeliverAsync(FromCustomer(customer, "Pytanie", "Dziękuję!", to: reply.ReplyTo.Mailboxes.Single().Address));
        await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { });

        Assert.Contains((await client.TicketAsync(number)).Messages, m => m.Text == "Dziękuję!");
    }

    [Fact]
    public async Task An_out_of_office_reply_to_a_solved_ticket_stays_on_its_timeline_but_reopens_nothing_and_no_rule_answers_it()
    {
        var (client, mailbox) = await MailboxAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        await (await client.PostAsync("/api/v1/rules", new
        {
            name = $"Answer every message {tag}",
            events = new[] { "message.received" },
            conditions = new { all = new object[] { new { field = "subject", op = "contains", value = tag } } },
            actions = new object[] { new { type = "reply", templates = new { en = $"Rule answer {tag}" } } },
        })).ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created);
        var customer = $"rosa-{Guid.NewGuid():N}@example.test";
        var ids = await DeliverAsync(FromCustomer(customer, $"Dishwasher {tag}", "The dishwasher leaves white spots."));
        await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { });
        var number = await app.WithDbAsync(db => db.Tickets.Where(t => t.Messages.Any(m => m.ExternalId == "<" + ids[0] + ">")).Select(t => t.Number).SingleAsync());
        await client.PostAsync($"/api/v1/tickets/{number}/replies", new { text = "Use the rinse aid; that fixes it.", status = "solved" });
        await app.DispatchAllAsync();
        var reply = Assert.Single(await MailServers.SinkAsync(m => m.To.Mailboxes.Any(a => a.Address == customer) && (m.TextBody ?? "").Contains("rinse aid", StringComparison.Ordinal)));
        static int RuleAnswers(TicketDetails t) => t.Messages.Count(m => m.Text.Contains("Rule answer", StringComparison.Ordinal));
        Assert.Equal(1, RuleAnswers(await client.TicketAsync(number)));

        var outOfOffice = FromCustomer(customer, $"Automatic reply: {reply.Subject}", "I am out of the office until Monday.", inReplyTo: reply.MessageId);
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        await DeliverAsync(outOfOffice);
        var fetched = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();
        await app.DispatchAllAsync();

        Assert.Equal(1, fetched.Committed);
        var ticket = await client.TicketAsync(number);
        Assert.Equal(TicketStatus.Solved, ticket.Status);
        var kept = Assert.Single(ticket.Messages, m => m.Text.Contains("out of the office", StringComparison.Ordinal));
        Assert.True((await client.GetAsync<EmailView>($"/api/v1/email/messages/{kept.Id}")).IsAutomated);
        Assert.Equal(1, RuleAnswers(ticket));

        // The same rule answers a person (as it did the first message), and a person's message reopens the ticket.
        await DeliverAsync(FromCustomer(customer, $"Re: {reply.Subject}", "The spots are back.", inReplyTo: reply.MessageId));
        await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { });
        await app.DispatchAllAsync();

        ticket = await client.TicketAsync(number);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(2, RuleAnswers(ticket));
    }

    [Fact]
    public async Task An_idle_session_picks_up_new_mail_as_soon_as_it_arrives()
    {
        var (_, mailbox) = await MailboxAsync();
        using (var imap = await MailServers.ConnectAsync(MailServers.Support))
        {
            await MailServers.FolderAsync(imap, folder);
        }

        await app.WithDbAsync(db => MailboxLease.TryClaimAsync(db, mailbox.Id, "test-node", app.Clock.GetUtcNow().UtcDateTime, default));
        using var stop = new CancellationTokenSource();
        var session = Task.Run(() => app.Services.GetRequiredService<ImapPoller>().RunAsync(mailbox.Id, "test-node", stop.Token));
        await MailServers.WaitForAsync(() => app.WithDbAsync(db => db.Mailboxes.AnyAsync(m => m.Id == mailbox.Id && m.LastFetchAt != null)), "the first pass");

        var ids = await DeliverAsync(FromCustomer($"idle-{Guid.NewGuid():N}@example.test", "Dryer", "It stopped."));

        // The poll interval is five minutes of a clock that does not move: only IDLE can explain a quick fetch.
        await MailServers.WaitForAsync(() => app.WithDbAsync(db => db.Messages.AnyAsync(m => m.ExternalId == "<" + ids[0] + ">")), "the message to be fetched while idling");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session);
    }

    [Fact]
    public async Task With_a_processed_folder_committed_mail_is_moved_there()
    {
        var (client, mailbox) = await MailboxAsync(processed: folder + "-done");
        using (var imap = await MailServers.ConnectAsync(MailServers.Support))
        {
            await MailServers.FolderAsync(imap, folder + "-done");
        }

        await DeliverAsync(FromCustomer($"move-{Guid.NewGuid():N}@example.test", "Kettle", "It leaks."));

        Assert.Equal(1, (await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>()).Committed);
        using var check = await MailServers.ConnectAsync(MailServers.Support);
        var source = await MailServers.FolderAsync(check, folder);
        var done = await MailServers.FolderAsync(check, folder + "-done");
        await source.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(0, source.Count);
        await done.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(1, done.Count);
    }

    [Fact]
    public async Task A_refused_login_shows_on_the_mailbox_health()
    {
        var client = await app.ClientAsync();
        var settings = new { protocol = "imap", host = MailServers.Imap.Host, port = MailServers.Imap.Port, security = "none", user = MailServers.Support.User, password = "wrong", folder };
        var mailbox = await client.CreateMailboxAsync($"bad-{Guid.NewGuid():N}@helpdesk.test", settings);

        var result = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Contains("Login refused", result.Error, StringComparison.Ordinal);
        var health = (await client.GetAsync<MailboxView>($"/api/v1/mailboxes/{mailbox.Id}")).Health;
        Assert.Equal("error", health.Status);
        Assert.Contains("Login refused", health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mailbox_another_node_is_reading_is_left_alone()
    {
        var (client, mailbox) = await MailboxAsync();
        await DeliverAsync(FromCustomer($"lease-{Guid.NewGuid():N}@example.test", "Toaster", "Burnt."));
        await app.WithDbAsync(db => MailboxLease.TryClaimAsync(db, mailbox.Id, "other-node", app.Clock.GetUtcNow().UtcDateTime, default));

        var blocked = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();
        app.Clock.Advance(MailboxLease.Duration + TimeSpan.FromSeconds(1));
        var after = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Equal((false, 0), (blocked.Fetched, blocked.Committed));
        Assert.Equal((true, 1), (after.Fetched, after.Committed));
    }

    public sealed class App : KalingaApp
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.Configure<EmailOptions>(o => o.PollInterval = TimeSpan.FromMinutes(5));

        /// <summary>Runs the event dispatcher until nothing is left, as the worker would.</summary>
        public async Task DispatchAllAsync()
        {
            var dispatcher = Services.GetRequiredService<EventDispatcher>();
            while (await dispatcher.RunOnceAsync(default) > 0)
            {
            }
        }
    }
}
