using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Kalinga.Admin;
using Kalinga.Data;
using Kalinga.Tests.Attachments;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Admin;

public sealed class BackupTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Backup_holds_a_manifest_the_database_and_the_blobs_of_attachments()
    {
        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            PostgresTools.RequirePgDump();
        }

        var ct = TestContext.Current.CancellationToken;
        var client = await app.ClientAsync();
        var photo = await client.UploadOneAsync("leak.png", "image/png", [.. Uploads.Png, .. Uploads.RandomBytes(2000)]);
        var first = await client.CreateTicketAsync(subject: "Leak");
        await client.CreateTicketAsync(subject: "Noise");
        await client.CreateTicketAsync(subject: "Invoice");
        (await client.PostAsync($"/api/v1/tickets/{first.Number}/replies", new { text = "Photo of the leak.", attachmentIds = new[] { photo.Id } }))
            .EnsureSuccessStatusCode();

        var folder = Directory.CreateTempSubdirectory("kalinga-backup-test-");
        try
        {
            var file = Path.Combine(folder.FullName, "backup.zip");
            await app.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<Backup>().WriteAsync(file, ct);
                return file;
            });

            await using var zip = await ZipFile.OpenReadAsync(file, ct);
            using var manifest = await JsonDocument.ParseAsync(await zip.GetEntry("manifest.json")!.OpenAsync(ct), cancellationToken: ct);
            Assert.Equal(TestDatabase.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres", manifest.RootElement.GetProperty("provider").GetString());
            if (TestDatabase.Provider == DatabaseProvider.Sqlite)
            {
                var snapshot = Path.Combine(folder.FullName, "snapshot.db");
                await zip.GetEntry("kalinga.db")!.ExtractToFileAsync(snapshot, ct);
                Assert.Equal(3, await SqliteFiles.TicketCountAsync(snapshot));
            }
            else
            {
                var dump = zip.GetEntry("kalinga.pgdump");
                Assert.NotNull(dump);
                Assert.True(dump.Length > 0, "kalinga.pgdump is empty.");
                Assert.Equal("PGDMP"u8.ToArray(), (await ReadAllAsync(dump, ct))[..5]);
            }

            var blob = zip.GetEntry($"blobs/{photo.Sha256[..2]}/{photo.Sha256[2..4]}/{photo.Sha256}");
            Assert.NotNull(blob);
            Assert.Equal(photo.Size, (await ReadAllAsync(blob, ct)).Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<byte[]> ReadAllAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var stream = await entry.OpenAsync(ct);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
