namespace Kalinga.Data;

/// <summary>A named number that only grows, handed out in blocks (ticket numbers).</summary>
public sealed class Counter
{
    public required string Name { get; init; }

    public long Next { get; set; }
}
