using Kalinga.Data;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kalinga.Tests.Tickets;

/// <summary>
/// The workspace's two hot reads must not grow a query per row: a view of 50 tickets is two queries, and a ticket page
/// costs the same number of queries with 5 messages or 50 (timings live in the benchmark, not here).
/// </summary>
public sealed class QueryCountTests(QueryCountTests.CountingApp app) : IClassFixture<QueryCountTests.CountingApp>
{
    /// <summary>This class's own app, so the SQL commands it logs are this test's only.</summary>
    public sealed class CountingApp : KalingaApp
    {
        public CommandLog Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging
                .AddProvider(Commands)
                .AddFilter<CommandLog>(DbLoggerCategory.Database.Command.Name, LogLevel.Information));
        }
    }

    /// <summary>Counts "executed DbCommand" log entries.</summary>
    public sealed class CommandLog : ILoggerProvider, ILogger
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public ILogger CreateLogger(string categoryName) => categoryName == DbLoggerCategory.Database.Command.Name ? this : NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == RelationalEventId.CommandExecuted.Id)
            {
                Interlocked.Increment(ref count);
            }
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task A_view_of_fifty_tickets_is_one_query_and_a_ticket_page_does_not_grow_with_its_messages()
    {
        var client = await app.ClientAsync();
        var small = await client.CreateTicketAsync(subject: "Few messages", email: "queries@example.test", extra: new { tags = new[] { "q1", "q2" } });
        var large = await client.CreateTicketAsync(subject: "Many messages", email: "queries@example.test", extra: new { tags = new[] { "q1", "q2" } });
        for (var i = 0; i < 49; i++)
        {
            await client.PostAsync($"/api/v1/tickets/{large.Number}/{(i % 3 == 0 ? "notes" : "replies")}", new { text = $"Message {i}" });
        }

        for (var i = 0; i < 4; i++)
        {
            await client.PostAsync($"/api/v1/tickets/{small.Number}/replies", new { text = $"Message {i}" });
        }

        for (var i = 0; i < 50; i++)
        {
            await client.CreateTicketAsync(subject: $"Row {i}", email: $"row{i}@example.test", extra: new { tags = new[] { "rows" } });
        }

        var (view, listQueries) = await CountAsync<ListTickets, TicketPage>(l => l.HandleAsync(new TicketFilter(), TicketSort.Updated, true, 50, null, CancellationToken.None));
        var (fewPage, fewQueries) = await CountAsync<GetTicket, TicketDetails?>(g => g.HandleAsync(small.Number, CancellationToken.None));
        var (manyPage, manyQueries) = await CountAsync<GetTicket, TicketDetails?>(g => g.HandleAsync(large.Number, CancellationToken.None));

        Assert.Equal(50, view.Items.Count);
        // One query whatever the page size: tag names come from a scalar subquery per row, so the tags join is
        // flattened and indexed (see ListTickets).
        Assert.Equal(1, listQueries);
        Assert.Equal((5, 50), (fewPage!.Messages.Count, manyPage!.Messages.Count));
        // The ticket page is two commands of its own SQL (GetTicket), which EF does not log; whatever EF runs for it
        // must not grow with the messages either.
        Assert.Equal(fewQueries, manyQueries);
        Assert.InRange(manyQueries, 0, 8);
    }

    private async Task<(T Result, int Queries)> CountAsync<TUseCase, T>(Func<TUseCase, Task<T>> action)
        where TUseCase : notnull =>
        await app.WithScopeAsync(async sp =>
        {
            var before = app.Commands.Count;
            var result = await action(sp.GetRequiredService<TUseCase>());
            return (result, app.Commands.Count - before);
        });
}
