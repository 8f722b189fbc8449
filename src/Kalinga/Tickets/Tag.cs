namespace Kalinga.Tickets;

public sealed class Tag
{
    private Tag()
    {
    }

    public Tag(string name) => Name = Normalize(name);

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Tags are case-insensitive words: "Late Delivery" and "late-delivery" are one tag.</summary>
    public static string Normalize(string name) =>
        string.Join('-', name.Trim().ToLowerInvariant().Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries));
}
