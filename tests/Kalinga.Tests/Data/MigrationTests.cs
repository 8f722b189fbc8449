using Kalinga.Data;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Data;

public sealed class MigrationTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task The_model_has_no_changes_missing_a_migration()
    {
        await using var db = TestDatabase.Open(app.ConnectionString);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration for both engines (see docs/adr/0002).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task The_fixed_taxonomies_are_seeded()
    {
        await using var db = TestDatabase.Open(app.ConnectionString);

        Assert.Equal(
            ["after_sales", "complaint", "information_request", "order", "question", "suggestion", "technical_service"],
            await db.ContactReasons.Where(r => r.IsSystem).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync());
        Assert.Equal(8, await db.DissatisfactionCauses.CountAsync(c => c.IsSystem));
    }

    [Fact]
    public async Task Ticket_numbers_are_unique_under_concurrent_creation()
    {
        var client = await app.ClientAsync();

        var tickets = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.CreateTicketAsync(subject: $"Rush {i}", email: $"rush{i}@example.test")));

        Assert.Equal(24, tickets.Select(t => t.Number).Distinct().Count());
    }
}
