using System.Net;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

/// <summary>
/// The ticket read runs its own SQL, on SQLite over read connections that keep their statements prepared between
/// requests (PreparedReads): each read must still see every change committed before it, and concurrent reads of
/// different tickets must not mix.
/// </summary>
public sealed class TicketReadTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_read_shows_the_changes_committed_before_it()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(subject: "Fridge hums", extra: new { tags = new[] { "noise" } });

        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/notes", new { text = $"Checked {i}" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { tags = new[] { "noise", $"visit-{i}" } })).StatusCode);

            var read = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}");

            Assert.Equal(1 + i, read.Messages.Count);
            Assert.Equal($"Checked {i}", read.Messages[^1].Text);
            Assert.True(read.Messages[^1].Internal);
            Assert.Equal(["noise", $"visit-{i}"], read.Tags);
        }
    }

    [Fact]
    public async Task Concurrent_reads_of_different_tickets_each_get_their_own_ticket()
    {
        var client = await app.ClientAsync();
        var tickets = new List<TicketDetails>();
        for (var i = 0; i < 4; i++)
        {
            tickets.Add(await client.CreateTicketAsync(subject: $"Parallel {i}", text: $"Body {i}", email: $"parallel{i}@example.test"));
        }

        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            client.GetAsync<TicketDetails>($"/api/v1/tickets/{tickets[i % 4].Number}")));

        for (var i = 0; i < reads.Length; i++)
        {
            Assert.Equal((tickets[i % 4].Number, $"Parallel {i % 4}", $"Body {i % 4}"), (reads[i].Number, reads[i].Subject, reads[i].Messages.Single().Text));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/tickets/987654321", Ct)).StatusCode);
    }
}
