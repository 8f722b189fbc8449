using System.Net;
using Kalinga.Channels;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Channels;

public sealed class InboundTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task The_same_item_delivered_twice_is_stored_once()
    {
        var client = await app.ClientAsync();
        var item = new { channel = "social", from = new { email = "twice@example.test" }, subject = "@LumenHome order late", text = "Where is my order?", externalId = "post-777" };

        var first = await (await client.PostAsync("/api/v1/inbound", item)).ReadAsync<InboundResult>(HttpStatusCode.Created);
        var second = await (await client.PostAsync("/api/v1/inbound", item)).ReadAsync<InboundResult>();

        Assert.Equal(InboundOutcome.NewTicket, first.Outcome);
        Assert.Equal(InboundOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.TicketNumber, second.TicketNumber);
        Assert.Single((await client.GetAsync<TicketDetails>($"/api/v1/tickets/{first.TicketNumber}")).Messages);
    }

    [Fact]
    public async Task A_reply_to_an_earlier_item_reopens_the_solved_ticket()
    {
        var client = await app.ClientAsync();
        var first = await (await client.PostAsync("/api/v1/inbound", new { channel = "email", from = new { email = "reopen@example.test" }, subject = "Broken door seal", text = "The seal fell off.", externalId = "<a1@mail.test>" }))
            .ReadAsync<InboundResult>(HttpStatusCode.Created);
        await client.PostAsync($"/api/v1/tickets/{first.TicketNumber}/replies", new { text = "A new seal is on its way.", status = "solved" });

        var again = await (await client.PostAsync("/api/v1/inbound", new { channel = "email", from = new { email = "REOPEN@example.test" }, subject = "Re: Broken door seal", text = "It arrived but does not fit.", externalId = "<a2@mail.test>", inReplyTo = new[] { "<a1@mail.test>" } }))
            .ReadAsync<InboundResult>();

        Assert.Equal(InboundOutcome.Threaded, again.Outcome);
        Assert.Equal(first.TicketNumber, again.TicketNumber);
        var ticket = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{first.TicketNumber}");
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(3, ticket.Messages.Count);
    }

    [Fact]
    public async Task A_ticket_number_from_another_customer_does_not_thread()
    {
        var client = await app.ClientAsync();
        var victim = await client.CreateTicketAsync(email: "victim@example.test");

        var intruder = await (await client.PostAsync("/api/v1/inbound", new { channel = "email", from = new { email = "intruder@example.test" }, subject = "Re: your case", text = "Let me in", ticketNumber = victim.Number }))
            .ReadAsync<InboundResult>(HttpStatusCode.Created);

        Assert.NotEqual(victim.Number, intruder.TicketNumber);
        Assert.Single((await client.GetAsync<TicketDetails>($"/api/v1/tickets/{victim.Number}")).Messages);
    }

    [Fact]
    public async Task Writing_to_a_closed_ticket_opens_a_follow_up()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(email: "followup@example.test");
        await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "solved" });
        await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "closed" });

        var result = await (await client.PostAsync("/api/v1/inbound", new { channel = "web", from = new { id = ticket.Customer.Id }, subject = "Again", text = "Same problem again", ticketNumber = ticket.Number }))
            .ReadAsync<InboundResult>(HttpStatusCode.Created);

        Assert.NotEqual(ticket.Number, result.TicketNumber);
        Assert.Equal(TicketStatus.Closed, (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}")).Status);
    }

    [Fact]
    public async Task The_customer_language_is_detected_from_the_first_message()
    {
        var client = await app.ClientAsync();

        var it = await (await client.PostAsync("/api/v1/inbound", new { channel = "chat", from = new { email = "lucia@example.test" }, subject = "Ordine", text = "Buongiorno, il mio ordine non è ancora arrivato, grazie" })).ReadAsync<InboundResult>(HttpStatusCode.Created);
        var fil = await (await client.PostAsync("/api/v1/inbound", new { channel = "chat", from = new { email = "jun@example.test" }, subject = "Tanong", text = "Magandang araw po, hindi pa dumating ang order ko. Salamat po" })).ReadAsync<InboundResult>(HttpStatusCode.Created);

        Assert.Equal("it", (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{it.TicketNumber}")).Language);
        Assert.Equal("fil", (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{fil.TicketNumber}")).Language);
    }
}
