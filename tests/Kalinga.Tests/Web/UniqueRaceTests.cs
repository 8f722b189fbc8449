using System.Data.Common;
using System.Net;
using Kalinga.Data;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Web;

/// <summary>
/// Two requests create the same unique thing at once: both pass the use case's "is it taken?" check, the database's
/// unique index refuses the second insert. The loser gets a 409, and nothing is logged as a server error.
/// </summary>
public sealed class UniqueRaceTests(UniqueRaceTests.App app) : IClassFixture<UniqueRaceTests.App>
{
    /// <summary>Holds each "is it taken?" read of a race until both requests have made it, so they always overlap.</summary>
    public sealed class App : KalingaApp
    {
        public RaceGate Gate { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.ConfigureDbContext<SqliteKalingaDb>((_, o) => o.AddInterceptors(Gate));
            services.ConfigureDbContext<PostgresKalingaDb>((_, o) => o.AddInterceptors(Gate));
        }
    }

    [Fact]
    public async Task Two_tickets_tagged_with_the_same_new_tag_at_once_give_one_success_and_one_409()
    {
        var client = await app.ClientAsync();
        var first = await client.CreateTicketAsync(subject: "First of the race");
        var second = await client.CreateTicketAsync(subject: "Second of the race");

        var answers = await app.Gate.RaceAsync("FROM \"Tags\" AS", () => Task.WhenAll(
            client.PatchAsync($"/api/v1/tickets/{first.Number}", new { tags = new[] { "recall-2026" } }),
            client.PatchAsync($"/api/v1/tickets/{second.Number}", new { tags = new[] { "recall-2026" } })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var problem = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Someone else created the same item", problem.Title, StringComparison.Ordinal);
        var tagged = await app.WithDbAsync(db => db.TicketTags.CountAsync(t => t.Tag!.Name == "recall-2026"));
        Assert.Equal(1, tagged);
        Assert.Empty(app.Errors.Entries);
    }

    [Fact]
    public async Task Two_admins_defining_the_same_field_key_at_once_give_one_field_and_one_localized_409()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");

        var answers = await app.Gate.RaceAsync("FROM \"CustomFields\" AS", () => Task.WhenAll(
            client.PostAsync("/api/v1/custom-fields", new { key = "batch_code", labels = new { en = "Batch code" } }),
            client.PostAsync("/api/v1/custom-fields", new { key = "batch_code", labels = new { en = "Batch" } })));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var problem = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Ktoś inny utworzył ten sam element", problem.Title, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.CustomFields.CountAsync(f => f.Key == "batch_code")));
        Assert.Empty(app.Errors.Entries);
    }

    /// <summary>
    /// While a race is on, the first read whose SQL contains the race's marker waits until the other request has made
    /// the same read; later reads pass. The wait is bounded so a request that never comes cannot hang the test.
    /// </summary>
    public sealed class RaceGate : DbCommandInterceptor
    {
        private readonly Lock gate = new();
        private string? marker;
        private int arrived;
        private TaskCompletionSource bothRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<HttpResponseMessage[]> RaceAsync(string sqlMarker, Func<Task<HttpResponseMessage[]>> race)
        {
            lock (gate)
            {
                (marker, arrived, bothRead) = (sqlMarker, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            try
            {
                return await race();
            }
            finally
            {
                lock (gate)
                {
                    marker = null;
                }
            }
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Task? wait = null;
            lock (gate)
            {
                if (marker is not null && command.CommandText.Contains(marker, StringComparison.Ordinal) && arrived < 2)
                {
                    arrived++;
                    if (arrived == 2)
                    {
                        bothRead.TrySetResult();
                    }

                    wait = bothRead.Task;
                }
            }

            if (wait is not null)
            {
                await wait.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return result;
        }
    }
}
