using System.Net;
using Kalinga.Channels.Email;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Channels.Email;

/// <summary>Inbound e-mail end to end through the raw endpoint: tickets, threading, receipts, filters, quarantine.</summary>
public sealed class EmailIntakeTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static readonly object Smtp = new { host = "127.0.0.1", port = 10025, security = "none" };

    private async Task<(HttpClient Client, long Mailbox)> SetUpAsync(bool receipts = true)
    {
        var client = await app.ClientAsync();
        var mailbox = await client.CreateMailboxAsync($"support-{Guid.NewGuid():N}@helpdesk.test", outbound: Smtp, sendReceipt: receipts);
        return (client, mailbox.Id);
    }

    [Fact]
    public async Task A_new_email_opens_a_ticket_keeps_the_raw_message_and_queues_a_receipt_in_the_customers_language()
    {
        var (client, mailbox) = await SetUpAsync();
        var raw = Samples.Bytes("mislabelled-charset.eml", ("<mislabelled-1@example.test>", EmailApi.NewId("pl")), ("kasia@", $"kasia-{Guid.NewGuid():N}@"));

        var result = await client.DeliverAsync(mailbox, raw, HttpStatusCode.Created);

        var ticket = await client.TicketAsync(result.TicketNumber!.Value);
        Assert.Equal("pl", ticket.Language);
        Assert.Equal(2, ticket.Messages.Count);
        var receipt = ticket.Messages[1];
        Assert.Equal((MessageDirection.Out, ActorKind.System, DeliveryStatus.Queued), (receipt.Direction, receipt.Author.Kind, receipt.DeliveryStatus));
        Assert.Contains($"założyliśmy dla niej zgłoszenie nr {ticket.Number}", receipt.Text, StringComparison.Ordinal);
        var receiptMail = await client.GetAsync<EmailView>($"/api/v1/email/messages/{receipt.Id}");
        Assert.Equal($"Otrzymaliśmy Twoją wiadomość [#{ticket.Number}]", receiptMail.Subject);
        Assert.True(receiptMail.IsAutomated);
        Assert.Equal(raw, await (await client.GetAsync($"/api/v1/email/messages/{result.MessageId}/raw")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Replies_thread_by_subject_token_by_in_reply_to_and_by_reply_address_and_reopen_a_solved_ticket()
    {
        var (client, mailbox) = await SetUpAsync();
        var customer = $"ana-{Guid.NewGuid():N}@example.test";
        var firstId = EmailApi.NewId("first");
        var first = await client.DeliverAsync(mailbox, EmailApi.Mail(customer, "Washing machine leaks", "It leaks.", firstId), HttpStatusCode.Created);
        var number = first.TicketNumber!.Value;
        await client.PatchAsync($"/api/v1/tickets/{number}", new { status = "solved" });

        var byToken = await client.DeliverAsync(mailbox, EmailApi.Mail(customer, $"RE: Washing machine leaks [#{number}]", "Still leaking.", EmailApi.NewId("r1")));
        var byHeader = await client.DeliverAsync(mailbox, EmailApi.Mail(customer, "Re: my machine", "And now it is louder.", EmailApi.NewId("r2"), $"In-Reply-To: {firstId}"));
        var mailboxAddress = (await client.GetAsync<MailboxView>($"/api/v1/mailboxes/{mailbox}")).Address;
        var byAddress = await client.DeliverAsync(mailbox, EmailApi.Mail(customer, "one more thing", "Photo tomorrow.", EmailApi.NewId("r3"), $"Delivered-To: {ReplyAddress.For(mailboxAddress, number)}"));
        var unrelated = await client.DeliverAsync(mailbox, EmailApi.Mail(customer, "Dryer question", "How hot does it get?", EmailApi.NewId("new")), HttpStatusCode.Created);

        Assert.All([byToken, byHeader, byAddress], r => Assert.Equal((IntakeOutcome.Threaded, number), (r.Outcome, r.TicketNumber)));
        Assert.NotEqual(number, unrelated.TicketNumber);
        var ticket = await client.TicketAsync(number);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(1, ticket.Messages.Count(m => m.Author.Kind == ActorKind.System));
        Assert.Equal(4, ticket.Messages.Count(m => m.Direction == MessageDirection.In));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_stored_once()
    {
        var (client, mailbox) = await SetUpAsync();
        var raw = EmailApi.Mail($"twice-{Guid.NewGuid():N}@example.test", "Twice", "Hello", EmailApi.NewId("twice"));

        var first = await client.DeliverAsync(mailbox, raw, HttpStatusCode.Created);
        var second = await client.DeliverAsync(mailbox, raw);

        Assert.Equal(IntakeOutcome.Filtered, second.Outcome);
        Assert.Equal(first.TicketNumber, second.TicketNumber);
        Assert.Single((await client.TicketAsync(first.TicketNumber!.Value)).Messages, m => m.Direction == MessageDirection.In);
    }

    [Fact]
    public async Task Html_is_sanitized_inline_images_are_served_and_remote_images_wait_for_an_agent()
    {
        var (client, mailbox) = await SetUpAsync();
        var raw = Samples.Bytes("html-reply.eml", ("<html-1@example.test>", EmailApi.NewId("html")), (" [#1000]", ""), ("ana.reyes@", $"ana-{Guid.NewGuid():N}@"));

        var result = await client.DeliverAsync(mailbox, raw, HttpStatusCode.Created);

        var message = (await client.TicketAsync(result.TicketNumber!.Value)).Messages[0];
        Assert.DoesNotContain("<script", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example.net", message.Html, StringComparison.Ordinal);
        Assert.Contains("<details title=\"Quoted text\">", message.Html, StringComparison.Ordinal);
        var photo = Assert.Single(message.Attachments);
        var inline = System.Text.RegularExpressions.Regex.Match(message.Html!, "src=\"(/api/v1/email/inline/[0-9a-f]{64})\"").Groups[1].Value;
        var image = await client.GetAsync(inline);
        Assert.Equal(("image/png", photo.Size), (image.Content.Headers.ContentType?.MediaType, (long)(await image.Content.ReadAsByteArrayAsync()).Length));
        var email = await client.GetAsync<EmailView>($"/api/v1/email/messages/{message.Id}");
        Assert.Equal("Thanks, the new hose arrived. Photo attached.", email.UnquotedText);
        Assert.Equal(["https://tracker.example.net/open.gif?u=ana"], email.RemoteImages);
        var allowed = await (await client.GetAsync($"/api/v1/email/messages/{message.Id}/html?remoteImages=true")).Content.ReadAsStringAsync();
        Assert.Contains("src=\"https://tracker.example.net/open.gif?u=ana\"", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_office_reply_is_stored_but_never_answered()
    {
        var (client, mailbox) = await SetUpAsync();
        var raw = Samples.Bytes("out-of-office.eml", ("<ooo-1@example.test>", EmailApi.NewId("ooo")), ("ana.reyes@", $"ooo-{Guid.NewGuid():N}@"));

        var result = await client.DeliverAsync(mailbox, raw, HttpStatusCode.Created);

        var ticket = await client.TicketAsync(result.TicketNumber!.Value);
        Assert.Single(ticket.Messages);
        Assert.True((await client.GetAsync<EmailView>($"/api/v1/email/messages/{result.MessageId}")).IsAutomated);
    }

    [Fact]
    public async Task An_out_of_office_reply_to_a_closed_ticket_is_set_aside_and_opens_no_follow_up_ticket()
    {
        var (client, mailbox) = await SetUpAsync();
        var local = $"ooo-closed-{Guid.NewGuid():N}";
        var first = await client.DeliverAsync(mailbox, EmailApi.Mail($"{local}@example.test", "Washing machine leaks", "It leaks.", EmailApi.NewId("closing")), HttpStatusCode.Created);
        var number = first.TicketNumber!.Value;
        (await client.PatchAsync($"/api/v1/tickets/{number}", new { status = "solved" })).EnsureSuccessStatusCode();
        (await client.PatchAsync($"/api/v1/tickets/{number}", new { status = "closed" })).EnsureSuccessStatusCode();
        var messagesBefore = (await client.TicketAsync(number)).Messages.Count;
        var ticketsBefore = await app.WithDbAsync(db => db.Tickets.CountAsync());
        var raw = Samples.Bytes("out-of-office.eml", ("<ooo-1@example.test>", EmailApi.NewId("ooo-closed")), ("ana.reyes@", $"{local}@"),
            ("Out of Office: Washing machine leaks", $"Out of Office: Washing machine leaks [#{number}]"));

        var result = await client.DeliverAsync(mailbox, raw);
        var again = await client.DeliverAsync(mailbox, raw);

        Assert.Equal((IntakeOutcome.Filtered, number), (result.Outcome, result.TicketNumber));
        Assert.Equal((IntakeOutcome.Filtered, result.SetAsideId), (again.Outcome, again.SetAsideId));
        Assert.Equal(ticketsBefore, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        var ticket = await client.TicketAsync(number);
        Assert.Equal((TicketStatus.Closed, messagesBefore), (ticket.Status, ticket.Messages.Count));
        var aside = Assert.Single(await client.GetAsync<List<SetAsideView>>("/api/v1/mailboxes/set-aside?kind=autoreply"), s => s.Id == result.SetAsideId);
        Assert.Equal(SetAsideKind.AutoReply, aside.Kind);
        Assert.Contains($"closed ticket #{number}", aside.Reason, StringComparison.Ordinal);
        Assert.Contains("Auto-Submitted: auto-replied", aside.Reason, StringComparison.Ordinal);

        // A person answering the same closed ticket still gets a follow-up ticket.
        var human = await client.DeliverAsync(mailbox, EmailApi.Mail($"{local}@example.test", $"Re: Washing machine leaks [#{number}]", "It leaks again.", EmailApi.NewId("human")), HttpStatusCode.Created);
        Assert.NotEqual(number, human.TicketNumber);
    }

    [Fact]
    public async Task A_bounce_marks_the_reply_failed_and_flags_the_address()
    {
        var (client, mailbox) = await SetUpAsync(receipts: false);
        var gone = $"gone-{Guid.NewGuid():N}@example.test";
        var first = await client.DeliverAsync(mailbox, EmailApi.Mail(gone, "Broken fridge", "It is warm.", EmailApi.NewId("fridge")), HttpStatusCode.Created);
        var reply = await (await client.PostAsync($"/api/v1/tickets/{first.TicketNumber}/replies", new { text = "We will come on Monday." })).ReadAsync<MessageView>(HttpStatusCode.Created);
        var sentId = $"<k{first.TicketNumber}.{Guid.NewGuid():N}@helpdesk.test>";
        await app.WithDbAsync(db => db.Messages.Where(m => m.Id == reply.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ExternalId, sentId).SetProperty(m => m.DeliveryStatus, DeliveryStatus.Sent)));

        var bounce = await client.DeliverAsync(mailbox, Samples.Bytes("bounce.eml", ("{{original}}", sentId), ("gone@example.test", gone), ("<bounce-1@", $"<bounce-{Guid.NewGuid():N}@")));

        Assert.Equal(IntakeOutcome.Filtered, bounce.Outcome);
        var failed = (await client.TicketAsync(first.TicketNumber!.Value)).Messages.Single(m => m.Id == reply.Id);
        Assert.Equal(DeliveryStatus.Failed, failed.DeliveryStatus);
        Assert.Contains("5.1.1", failed.DeliveryError, StringComparison.Ordinal);
        Assert.Contains(await client.GetAsync<List<BouncingAddress>>("/api/v1/mailboxes/bouncing"), b => b.Address == gone);
        var setAside = await client.GetAsync<List<SetAsideView>>("/api/v1/mailboxes/set-aside?kind=bounce");
        Assert.Contains(setAside, s => s.Id == bounce.SetAsideId && s.RelatedMessageId == reply.Id);
    }

    [Fact]
    public async Task A_mail_loop_is_stopped_before_it_reaches_a_ticket()
    {
        var (client, mailbox) = await SetUpAsync();
        var raw = Samples.Bytes("loop.eml", ("<loop-1@example.test>", EmailApi.NewId("loop")));
        var before = await app.WithDbAsync(db => db.Tickets.CountAsync());

        var result = await client.DeliverAsync(mailbox, raw);

        Assert.Equal(IntakeOutcome.Filtered, result.Outcome);
        Assert.Equal(before, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        var loop = Assert.Single(await client.GetAsync<List<SetAsideView>>("/api/v1/mailboxes/set-aside?kind=loop"), s => s.Id == result.SetAsideId);
        Assert.Contains("X-Kalinga-Loop", loop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_that_cannot_be_understood_is_quarantined_with_its_reason_and_raw_bytes()
    {
        var (client, mailbox) = await SetUpAsync();
        var raw = Samples.Bytes("no-sender.eml", ("<nosender-1@", $"<nosender-{Guid.NewGuid():N}@"));

        var result = await client.DeliverAsync(mailbox, raw);
        var again = await client.DeliverAsync(mailbox, raw);

        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Equal((IntakeOutcome.Filtered, result.SetAsideId), (again.Outcome, again.SetAsideId));
        var listed = Assert.Single(await client.GetAsync<List<SetAsideView>>("/api/v1/mailboxes/set-aside?kind=quarantined"), s => s.Id == result.SetAsideId);
        Assert.Contains("no sender", listed.Reason, StringComparison.Ordinal);
        Assert.Equal(raw, await (await client.GetAsync($"/api/v1/mailboxes/set-aside/{listed.Id}/raw")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_raw_endpoint_refuses_other_content_types_oversized_bodies_and_unknown_mailboxes()
    {
        var (client, mailbox) = await SetUpAsync();
        var huge = new byte[60 * 1024 * 1024];

        await (await client.PostRawAsync(mailbox, EmailApi.Mail("a@example.test", "x", "x", EmailApi.NewId("ct")), "text/plain")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await client.PostRawAsync(mailbox, huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostRawAsync(999_999, EmailApi.Mail("a@example.test", "x", "x", EmailApi.NewId("nf")))).StatusCode);
    }

    [Fact]
    public async Task A_new_ticket_goes_to_the_mailboxs_default_team()
    {
        var client = await app.ClientAsync();
        var team = new Kalinga.Agents.Team($"Billing {Guid.NewGuid():N}");
        await app.WithDbAsync(async db =>
        {
            db.Teams.Add(team);
            await db.SaveChangesAsync();
        });
        var mailbox = await client.CreateMailboxAsync($"billing-{Guid.NewGuid():N}@helpdesk.test", defaultTeamId: team.Id);

        var result = await client.DeliverAsync(mailbox.Id, EmailApi.Mail($"bill-{Guid.NewGuid():N}@example.test", "Invoice", "Wrong amount", EmailApi.NewId("team")), HttpStatusCode.Created);

        Assert.Equal(team.Id, (await client.TicketAsync(result.TicketNumber!.Value)).TeamId);
    }
}
