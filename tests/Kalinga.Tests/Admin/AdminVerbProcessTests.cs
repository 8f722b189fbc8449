using System.IO.Compression;
using Kalinga.Agents;
using Kalinga.Data;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Admin;

/// <summary>The admin verbs as an operator runs them: the real binary, configured through environment variables.</summary>
public sealed class AdminVerbProcessTests
{
    [Fact]
    public async Task Create_api_token_prints_the_secret_last_and_stores_only_its_hash()
    {
        await using var installation = await Installation.CreateAsync(nameof(AdminVerbProcessTests));

        var result = await installation.RunAsync("create-api-token", "--name", "ci", "--role", "supervisor");

        Assert.True(result.ExitCode == 0, result.ToString());
        var secret = result.LastLine;
        Assert.StartsWith(ApiToken.SecretPrefix, secret, StringComparison.Ordinal);
        await using var db = TestDatabase.Open(installation.ConnectionString);
        var token = await db.ApiTokens.SingleAsync(t => t.Name == "ci", TestContext.Current.CancellationToken);
        Assert.Equal(ApiToken.HashOf(secret), token.Hash);
        Assert.Equal(AgentRole.Supervisor, token.Role);
        Assert.False(await db.ApiTokens.AnyAsync(t => t.Hash == secret || t.Hint == secret || t.Name == secret, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_and_backup_run_from_the_command_line()
    {
        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            PostgresTools.RequirePgDump();
        }

        await using var installation = await Installation.CreateAsync(nameof(AdminVerbProcessTests));
        var file = Path.Combine(installation.DataDirectory, "nightly.zip");

        var migrate = await installation.RunAsync("migrate");
        var backup = await installation.RunAsync("backup", file);

        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.Equal($"Backup written to {file}", backup.LastLine);
        await using var zip = await ZipFile.OpenReadAsync(file, TestContext.Current.CancellationToken);
        var database = zip.GetEntry(TestDatabase.Provider == DatabaseProvider.Sqlite ? "kalinga.db" : "kalinga.pgdump");
        Assert.True(database is { Length: > 0 }, "The backup holds no database.");
        Assert.NotNull(zip.GetEntry("manifest.json"));
    }

    [Fact]
    public async Task Unknown_role_is_refused_with_exit_code_2_and_the_reason_on_stderr()
    {
        await using var installation = await Installation.CreateAsync(nameof(AdminVerbProcessTests));

        var result = await installation.RunAsync("create-api-token", "--name", "ci", "--role", "owner");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unknown role 'owner'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiToken.SecretPrefix, result.Stdout, StringComparison.Ordinal);
        await using var db = TestDatabase.Open(installation.ConnectionString);
        Assert.False(await db.ApiTokens.AnyAsync(TestContext.Current.CancellationToken));
    }
}
