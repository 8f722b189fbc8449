namespace Kalinga.Bench.Generation;

/// <summary>A row of <c>TicketTags</c>, in the form the app stores it.</summary>
public sealed class TicketTagRow
{
    public long TicketId { get; set; }

    public int TagId { get; set; }
}
