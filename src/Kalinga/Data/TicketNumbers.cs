namespace Kalinga.Data;

/// <summary>
/// Human ticket numbers start here. PostgreSQL draws them from a sequence (no lock, no duplicates across nodes);
/// SQLite, which has one writer at a time anyway, increments the <c>Counters</c> row inside the caller's transaction.
/// </summary>
public static class TicketNumbers
{
    public const string CounterName = "ticket";
    public const long First = 1000;
    public const string PostgresSequence = "TicketNumbers";
}
