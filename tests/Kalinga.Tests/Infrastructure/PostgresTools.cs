namespace Kalinga.Tests.Infrastructure;

/// <summary>The PostgreSQL client programs that backups need, which come with the server packages.</summary>
public static class PostgresTools
{
    /// <summary>Fails the test, rather than skipping it, when pg_dump is missing: a backup verb that cannot run is a defect to see.</summary>
    public static void RequirePgDump()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var found = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "pg_dump")) || File.Exists(Path.Combine(dir, "pg_dump.exe")));
        Assert.True(found, "pg_dump is not on PATH. Backups of a PostgreSQL database run pg_dump: install the PostgreSQL client tools (Debian: postgresql-client) or put their bin folder on PATH.");
    }
}
