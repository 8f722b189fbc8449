namespace Kalinga.Bench.Generation;

/// <summary>Hands out consecutive ids, the way the database would have for rows inserted in this order.</summary>
public sealed class IdSequence(long first)
{
    private long next = first;

    public long Next() => next++;
}
