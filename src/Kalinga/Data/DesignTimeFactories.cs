using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kalinga.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build each engine's context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKalingaDb>
{
    public SqliteKalingaDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKalingaDb>()
            .UseSqlite("Data Source=design-time.db", s => s.MigrationsHistoryTable("__Migrations"))
            .Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKalingaDb>
{
    public PostgresKalingaDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKalingaDb>()
            .UseNpgsql("Host=localhost;Database=kalinga_design", n => n.MigrationsHistoryTable("__Migrations"))
            .Options);
}
