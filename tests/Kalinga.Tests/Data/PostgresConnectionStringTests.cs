using Kalinga.Data;
using Npgsql;

namespace Kalinga.Tests.Data;

/// <summary>
/// On PostgreSQL, Kalinga has Npgsql prepare its frequent statements (planning each ticket read cost more than running
/// it), unless the operator's connection string says how many to prepare.
/// </summary>
public sealed class PostgresConnectionStringTests
{
    [Theory]
    [InlineData("Host=db.example.test;Username=kalinga;Password=secret", 64)]
    [InlineData("Host=db.example.test;Username=kalinga;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example.test;Username=kalinga;MaxAutoPrepare=10", 10)]
    public void Statements_are_prepared_unless_the_connection_string_says_otherwise(string configured, int prepared)
    {
        var used = new NpgsqlConnectionStringBuilder(DataModule.PostgresConnectionString(configured));

        Assert.Equal(prepared, used.MaxAutoPrepare);
        Assert.Equal("db.example.test", used.Host);
        Assert.Equal("kalinga", used.Username);
    }
}
