using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kalinga.Bench.Databases;

/// <summary>
/// Names a cached database by what shaped it: the engine's migrations and the generator's version. A new migration on
/// main or a change to the generator gives a new name, so a stale cache is never measured.
/// </summary>
public static class SchemaFingerprint
{
    /// <summary>Raise when the generated data changes shape or content.</summary>
    public const int GeneratorVersion = 1;

    public static string For(Engine engine)
    {
        var context = engine == Engine.Sqlite ? typeof(SqliteKalingaDb) : typeof(PostgresKalingaDb);
        var migrations = typeof(KalingaDb).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        var text = $"generator {GeneratorVersion}\n" + string.Join('\n', migrations);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }
}
