namespace Kalinga.Tickets;

public enum Priority
{
    Low,
    Normal,
    High,
    Urgent,
}
