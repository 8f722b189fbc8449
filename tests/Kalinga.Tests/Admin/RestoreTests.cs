using Kalinga.Admin;
using Kalinga.Data;
using Kalinga.Tests.Attachments;
using Kalinga.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Admin;

public sealed class RestoreTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    /// <summary>
    /// SQLite installations restore from the zip; PostgreSQL installations are sent to pg_restore. Each engine's run
    /// checks what its users would see, so neither run is skipped.
    /// </summary>
    [Fact]
    public async Task Restore_puts_a_backup_back_and_never_over_a_database_without_force()
    {
        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            await RestoreOnPostgresExplainsPgRestoreAsync();
            return;
        }

        var client = await app.ClientAsync();
        var file = Path.Combine(app.DataDirectory, "backup.zip");
        var manual = await client.UploadOneAsync("manual.pdf", "application/pdf", [.. "%PDF-1.4\n"u8, .. Uploads.RandomBytes(500)]);
        await client.CreateTicketAsync(subject: "Leak");
        await client.CreateTicketAsync(subject: "Noise");
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Backup>().WriteAsync(file, TestContext.Current.CancellationToken);
            return file;
        });
        await using var target = await Installation.CreateBareAsync(nameof(RestoreTests));

        var restored = await target.RunAsync("restore", file);

        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Equal(2, await SqliteFiles.TicketCountAsync(target.DatabaseFile));
        Assert.True(File.Exists(Path.Combine(target.DataDirectory, "blobs", manual.Sha256[..2], manual.Sha256[2..4], manual.Sha256)));

        await SqliteFiles.ExecuteAsync(target.DatabaseFile, "DELETE FROM Tickets WHERE Subject = 'Noise'");
        var refused = await target.RunAsync("restore", file);
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, await SqliteFiles.TicketCountAsync(target.DatabaseFile));

        var forced = await target.RunAsync("restore", "--force", file);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(2, await SqliteFiles.TicketCountAsync(target.DatabaseFile));
    }

    private static async Task RestoreOnPostgresExplainsPgRestoreAsync()
    {
        await using var target = await Installation.CreateAsync(nameof(RestoreTests));

        var result = await target.RunAsync("restore", "backup.zip");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("pg_restore", result.Stderr, StringComparison.Ordinal);
    }
}
