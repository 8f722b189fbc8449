namespace Kalinga.Web.Agent.Lists;

/// <summary>The columns an agent can show in ticket lists; the subject always shows.</summary>
public enum Column
{
    Number,
    Customer,
    Status,
    Priority,
    Reason,
    Channel,
    Language,
    Assignee,
    Team,
    Tags,
    Created,
    Updated,
}

public static class Columns
{
    public const string StorageKey = "kalinga.columns";

    public static readonly IReadOnlyList<Column> Default = [Column.Number, Column.Customer, Column.Status, Column.Priority, Column.Assignee, Column.Updated];

    public static string Format(IEnumerable<Column> columns) => string.Join(',', columns);

    public static IReadOnlyList<Column> Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return Default;
        }

        var parsed = stored.Split(',').Select(s => Enum.TryParse<Column>(s, out var c) ? c : (Column?)null).OfType<Column>().Distinct().ToList();
        return parsed.Count == 0 ? Default : parsed;
    }
}
