using System.Net;
using Kalinga.Channels.Email;
using Kalinga.Data;
using Kalinga.Search;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// import-mail stores its messages in batches, each with one save: what one batch holds must come out as if the
/// messages had come one by one (copies, replies to messages of the same batch, filters), and a message the database
/// refuses costs only itself.
/// </summary>
public sealed class ImportMailTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task One_batch_threads_replies_onto_the_ticket_it_opened_stores_a_copy_once_and_sets_aside_what_it_should()
    {
        var client = await app.ClientAsync();
        var mailbox = (await client.CreateMailboxAsync($"import-{Guid.NewGuid():N}@helpdesk.test")).Id;
        var ana = $"ana-{Guid.NewGuid():N}@example.test";
        var ben = $"ben-{Guid.NewGuid():N}@example.test";
        var cora = $"cora-{Guid.NewGuid():N}@example.test";

        // Before the import: a solved ticket of Ana's and a closed one of Cora's.
        var solved = (await client.DeliverAsync(mailbox, EmailApi.Mail(ana, "Oven light broken", "The light is out.", EmailApi.NewId("oven")), HttpStatusCode.Created)).TicketNumber!.Value;
        (await client.PatchAsync($"/api/v1/tickets/{solved}", new { status = "solved" })).EnsureSuccessStatusCode();
        var closed = (await client.DeliverAsync(mailbox, EmailApi.Mail(cora, "Fridge noise", "It hums.", EmailApi.NewId("fridge")), HttpStatusCode.Created)).TicketNumber!.Value;
        (await client.PatchAsync($"/api/v1/tickets/{closed}", new { status = "solved" })).EnsureSuccessStatusCode();
        (await client.PatchAsync($"/api/v1/tickets/{closed}", new { status = "closed" })).EnsureSuccessStatusCode();

        var first = EmailApi.NewId("first");
        var second = EmailApi.NewId("second");
        var opening = WithAttachment(ana, "Dishwasher will not drain", "Water stays at the bottom.", first, "error-code.txt", "E24 blinking");
        var folder = Folder(
            ("01-opening.eml", opening),
            ("02-copy.eml", opening),
            ("03-reply.eml", EmailApi.Mail(ana, "Re: Dishwasher will not drain", "I cleaned the filter.", second, $"In-Reply-To: {first}")),
            ("04-reply-to-reply.eml", EmailApi.Mail(ana, "Re: Dishwasher will not drain", "Now it is gurgling.", EmailApi.NewId("third"), $"In-Reply-To: {second}", $"References: {first} {second}")),
            ("05-someone-else.eml", EmailApi.Mail(ben, "Re: Dishwasher will not drain", "Mine too!", EmailApi.NewId("ben"), $"In-Reply-To: {first}")),
            ("06-reopens.eml", EmailApi.Mail(ana, $"Re: Oven light broken [#{solved}]", "Still dark.", EmailApi.NewId("oven-again"))),
            ("07-no-sender.eml", Samples.Bytes("no-sender.eml", ("<nosender-1@", $"<nosender-{Guid.NewGuid():N}@"))),
            ("08-out-of-office.eml", Samples.Bytes("out-of-office.eml", ("<ooo-1@example.test>", EmailApi.NewId("ooo")), ("ana.reyes@example.test", cora),
                ("Out of Office: Washing machine leaks", $"Out of Office: Fridge noise [#{closed}]"))),
            ("09-loop.eml", Samples.Bytes("loop.eml", ("<loop-1@example.test>", EmailApi.NewId("loop")))));

        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<ImportMail>().HandleAsync([folder], mailbox, CancellationToken.None));

        Assert.Empty(report.Skipped);
        var items = report.Items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [IntakeOutcome.NewTicket, IntakeOutcome.Filtered, IntakeOutcome.Threaded, IntakeOutcome.Threaded, IntakeOutcome.NewTicket,
             IntakeOutcome.Threaded, IntakeOutcome.Quarantined, IntakeOutcome.Filtered, IntakeOutcome.Filtered],
            items.Select(i => i.Outcome));
        var dishwasher = items[0].TicketNumber!.Value;
        Assert.Equal([dishwasher, dishwasher, dishwasher, dishwasher], items.Take(4).Select(i => i.TicketNumber!.Value));
        Assert.StartsWith("duplicate of", items[1].Detail, StringComparison.Ordinal);
        Assert.NotEqual(dishwasher, items[4].TicketNumber);
        Assert.Equal(solved, items[5].TicketNumber);
        Assert.Contains("no sender", items[6].Detail, StringComparison.Ordinal);
        Assert.Equal(closed, items[7].TicketNumber);
        Assert.Contains($"closed ticket #{closed}", items[7].Detail, StringComparison.Ordinal);
        Assert.Contains("X-Kalinga-Loop", items[8].Detail, StringComparison.Ordinal);

        var ticket = await client.TicketAsync(dishwasher);
        Assert.Equal(["Water stays at the bottom.", "I cleaned the filter.", "Now it is gurgling."], ticket.Messages.Select(m => m.Text.Trim()));
        Assert.Equal(ticket.Customer.Id, ticket.Messages[2].Author.Id);
        var attachment = Assert.Single(ticket.Messages[0].Attachments);
        Assert.Equal("error-code.txt", attachment.FileName);
        Assert.Equal("E24 blinking", await client.GetStringAsync($"/api/v1/attachments/{attachment.Id}"));
        var reply = await client.GetAsync<EmailView>($"/api/v1/email/messages/{ticket.Messages[1].Id}");
        Assert.Equal((first, "Re: Dishwasher will not drain"), (reply.InReplyTo, reply.Subject));
        Assert.Equal(opening, await (await client.GetAsync($"/api/v1/email/messages/{ticket.Messages[0].Id}/raw")).Content.ReadAsByteArrayAsync());

        Assert.Equal(TicketStatus.Open, (await client.TicketAsync(solved)).Status);
        Assert.Equal((TicketStatus.Closed, 1), await client.TicketAsync(closed) is var c ? (c.Status, c.Messages.Count) : default);
        var search = await client.GetAsync<SearchResults>("/api/v1/search?q=gurgling");
        Assert.Contains(search.Items, r => r.Ticket.Number == dishwasher);
        Assert.Equal(1, await app.WithDbAsync(db => db.CustomerIdentities.CountAsync(i => i.Value == ana)));
    }

    [Fact]
    public async Task A_message_the_database_refuses_at_the_batch_save_is_quarantined_with_the_reason_and_the_rest_of_the_batch_lands()
    {
        var client = await app.ClientAsync();
        var mailbox = (await client.CreateMailboxAsync($"refuse-{Guid.NewGuid():N}@helpdesk.test")).Id;
        var dan = $"dan-{Guid.NewGuid():N}@example.test";
        var opening = EmailApi.NewId("opening");
        var folder = Folder(
            ("1.eml", EmailApi.Mail(dan, "Kettle trips the fuse", "Every time.", opening)),
            ("2.eml", EmailApi.Mail($"eva-{Guid.NewGuid():N}@example.test", "Toaster", "Burns the bread.", EmailApi.NewId("toaster"))),
            ("3.eml", EmailApi.Mail($"fay-{Guid.NewGuid():N}@example.test", "Blender", "FORBIDDEN-BY-DATABASE-RULE", EmailApi.NewId("refused"))),
            ("4.eml", EmailApi.Mail(dan, "Re: Kettle trips the fuse", "Also the other socket.", EmailApi.NewId("kettle-2"), $"In-Reply-To: {opening}")),
            ("5.eml", EmailApi.Mail($"gil-{Guid.NewGuid():N}@example.test", "Mixer", "Too loud.", EmailApi.NewId("mixer"))));

        // A rule only the database knows (as a unique index or a check would be): the batch's one save fails on it.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.Provider == DatabaseProvider.Sqlite
            ? """
              CREATE TRIGGER refuse_marked BEFORE INSERT ON "Messages" WHEN NEW."Text" LIKE '%FORBIDDEN-BY-DATABASE-RULE%'
              BEGIN SELECT RAISE(ABORT, 'refused by a database rule'); END
              """
            : """
              CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                IF NEW."Text" LIKE '%FORBIDDEN-BY-DATABASE-RULE%' THEN
                  RAISE EXCEPTION 'refused by a database rule' USING ERRCODE = 'check_violation';
                END IF;
                RETURN NEW;
              END $$;
              CREATE TRIGGER refuse_marked BEFORE INSERT ON "Messages" FOR EACH ROW EXECUTE FUNCTION refuse_marked();
              """));
        ImportReport report;
        try
        {
            report = await app.WithScopeAsync(sp => sp.GetRequiredService<ImportMail>().HandleAsync([folder], mailbox, CancellationToken.None));
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.Provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER refuse_marked"
                : "DROP TRIGGER refuse_marked ON \"Messages\"; DROP FUNCTION refuse_marked()"));
        }

        var items = report.Items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [IntakeOutcome.NewTicket, IntakeOutcome.NewTicket, IntakeOutcome.Quarantined, IntakeOutcome.Threaded, IntakeOutcome.NewTicket],
            items.Select(i => i.Outcome));
        Assert.Equal(items[0].TicketNumber, items[3].TicketNumber);
        Assert.Equal(2, (await client.TicketAsync(items[0].TicketNumber!.Value)).Messages.Count);
        Assert.Equal("Too loud.", (await client.TicketAsync(items[4].TicketNumber!.Value)).Messages.Single().Text.Trim());
        var quarantined = Assert.Single(await client.GetAsync<List<SetAsideView>>("/api/v1/mailboxes/set-aside?kind=quarantined"), s => s.Subject == "Blender");
        Assert.Contains("refused by a database rule", quarantined.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.Subject == "Blender")));
    }

    [Fact]
    public async Task An_import_of_several_batches_threads_replies_onto_tickets_opened_in_earlier_batches()
    {
        var client = await app.ClientAsync();
        var mailbox = (await client.CreateMailboxAsync($"batches-{Guid.NewGuid():N}@helpdesk.test")).Id;
        var run = Guid.NewGuid().ToString("N");

        // 250 messages: three batches. Each of 125 customers writes once and answers the first mail later, so every
        // reply lands one or two batches after the message it answers.
        var files = new List<(string Name, byte[] Raw)>();
        for (var i = 0; i < 125; i++)
        {
            files.Add(($"{i:D3}-a.eml", EmailApi.Mail($"c{i}-{run}@example.test", $"Order {i} late", $"Order {i} has not arrived.", $"<{i}-{run}@example.test>")));
        }

        for (var i = 0; i < 125; i++)
        {
            files.Add(($"{125 + i:D3}-b.eml", EmailApi.Mail($"c{i}-{run}@example.test", $"Re: Order {i} late", $"Still waiting for order {i}.", $"<{i}-re-{run}@example.test>", $"In-Reply-To: <{i}-{run}@example.test>")));
        }

        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<ImportMail>().HandleAsync([Folder([.. files])], mailbox, CancellationToken.None));

        Assert.Equal("imported 250, new tickets 125, threaded 125, filtered 0, quarantined 0", report.Summary);
        var byFile = report.Items.ToDictionary(i => Path.GetFileName(i.Path), i => i.TicketNumber);
        Assert.All(Enumerable.Range(0, 125), i => Assert.Equal(byFile[$"{i:D3}-a.eml"], byFile[$"{125 + i:D3}-b.eml"]));
        var last = await client.TicketAsync(byFile["124-a.eml"]!.Value);
        Assert.Equal(["Order 124 has not arrived.", "Still waiting for order 124."], last.Messages.Select(m => m.Text.Trim()));
    }

    private static string Folder(params (string Name, byte[] Raw)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("kalinga-import-").FullName;
        foreach (var (name, raw) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), raw);
        }

        return folder;
    }

    private static byte[] WithAttachment(string from, string subject, string body, string messageId, string fileName, string content) =>
        System.Text.Encoding.UTF8.GetBytes(
            $"From: {from}\r\nTo: support@helpdesk.test\r\nSubject: {subject}\r\nMessage-ID: {messageId}\r\nDate: Mon, 02 Mar 2026 09:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + $"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
            + $"--b1\r\nContent-Type: text/plain; name=\"{fileName}\"\r\nContent-Disposition: attachment; filename=\"{fileName}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(content)) + "\r\n--b1--\r\n");
}
