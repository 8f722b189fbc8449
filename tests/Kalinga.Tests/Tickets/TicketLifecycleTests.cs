using System.Net;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

public sealed class TicketLifecycleTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Created_ticket_has_a_number_the_first_message_and_a_timeline()
    {
        var client = await app.ClientAsync();

        var ticket = await client.CreateTicketAsync(subject: "Lodówka nie chłodzi", text: "Dzień dobry, moja lodówka nie chłodzi od wczoraj. Proszę o pomoc.", email: "jan.kowalski@example.test");

        Assert.True(ticket.Number >= 1000);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal("pl", ticket.Language);
        Assert.Equal("jan.kowalski", ticket.Customer.Name);
        var message = Assert.Single(ticket.Messages);
        Assert.Equal(MessageDirection.In, message.Direction);
        Assert.Equal(MessageKind.Web, message.Kind);
        Assert.Contains(ticket.Events, e => e.Type == TicketEventTypes.Created);
        Assert.Contains(ticket.Events, e => e.Type == TicketEventTypes.MessageAdded);

        var fetched = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}");
        Assert.Equal(ticket.Subject, fetched.Subject);
    }

    [Fact]
    public async Task Agent_reply_opens_a_new_ticket_and_stamps_first_response()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(42));

        var reply = await (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/replies", new { text = "We will send a technician tomorrow." }))
            .ReadAsync<MessageView>(HttpStatusCode.Created);

        Assert.Equal(MessageDirection.Out, reply.Direction);
        Assert.False(reply.Internal);
        var after = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}");
        Assert.Equal(TicketStatus.Open, after.Status);
        Assert.Equal(KalingaApp.Start.UtcDateTime.AddMinutes(42), after.FirstResponseAt);
        Assert.Equal(2, after.Messages.Count);
    }

    [Fact]
    public async Task Closed_ticket_cannot_be_reopened()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync();
        await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "solved" });
        (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "closed" })).EnsureSuccessStatusCode();

        var problem = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "open" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("status", problem.Errors!.Keys);
    }
}
