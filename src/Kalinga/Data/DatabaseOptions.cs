using System.ComponentModel.DataAnnotations;

namespace Kalinga.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> section. The connection string is <c>ConnectionStrings:Kalinga</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (the <c>migrate</c> verb does it explicitly).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>The <c>Kalinga</c> section: where the node keeps its files and who it is.</summary>
public sealed class KalingaOptions
{
    /// <summary>Folder for the SQLite database and the blob store. Relative paths are relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Runs the background workers (event dispatcher, pollers). Tests switch them off and drive them by hand.</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>Fill a brand-new database with the demo company (on in Development, so <c>dotnet run</c> shows a working desk).</summary>
    public bool DemoDataOnFirstStart { get; set; }

    /// <summary>Names this node in work leases; defaults to the machine name and process id.</summary>
    public string? NodeName { get; set; }

    public string DataPath => Path.GetFullPath(DataDirectory);

    public string ResolvedNodeName => NodeName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
}
