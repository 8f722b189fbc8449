using System.Diagnostics;
using System.Net;
using Kalinga.Data;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Data;

/// <summary>
/// On SQLite, write transactions of the app queue on an in-process gate (SqliteWriteGate); a transaction that ends
/// without a commit must let the next writer in at once, or every later write would wait out the gate's timeout.
/// </summary>
public sealed class WriteGateTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task A_ticket_refused_inside_its_transaction_does_not_hold_up_the_next_writes()
    {
        var client = await app.ClientAsync();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            // Too many tags is refused after the transaction began (the customer is new, so it was written first).
            var refused = await client.PostAsync("/api/v1/tickets", new
            {
                subject = "Too many tags",
                customer = new { email = $"gate{i}@example.test" },
                message = new { text = "Hello" },
                tags = Enumerable.Range(0, 50).Select(n => $"t{n}").ToArray(),
            });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            await client.CreateTicketAsync(subject: $"Right after {i}", email: $"gate{i}@example.test");
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.CreateTicketAsync(subject: $"Together {i}", email: $"together{i}@example.test")));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    // What a request cut off mid-transaction can leave: the transaction disposed (rolled back) with no commit, no
    // rollback call and no connection close for the gate to see, because the context still has its connection open.
    // A CI run lost 2 minutes of event delivery this way under load.
    [Fact]
    public async Task A_transaction_disposed_while_its_connection_stays_open_does_not_hold_up_the_next_writer()
    {
        await using var first = app.Services.CreateAsyncScope();
        var db = first.ServiceProvider.GetRequiredService<KalingaDb>();
        await db.Database.OpenConnectionAsync();
        var abandoned = await db.Database.BeginTransactionAsync();
        await abandoned.DisposeAsync();

        var clock = Stopwatch.StartNew();
        await app.WithDbAsync(async other =>
        {
            await using var next = await other.Database.BeginTransactionAsync();
            await next.CommitAsync();
        });
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));

        // The abandoned context's connection is still usable for a write of its own.
        await using (var again = await db.Database.BeginTransactionAsync())
        {
            await again.CommitAsync();
        }

        await db.Database.CloseConnectionAsync();
    }
}
