using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Kalinga.Tickets;

/// <summary>A <see cref="TicketQuery"/> as the query string the ticket list takes, and back; saved views store this form.</summary>
public static class TicketQueryString
{
    public static TicketQuery Parse(string? query)
    {
        var q = QueryHelpers.ParseQuery(query is null ? "" : query.StartsWith('?') ? query : "?" + query);
        string? Text(string name) => q.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
        long? Number(string name) => Text(name) is { } s
            ? long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new RuleException(name, new LocalText("Loc4_Problem.Query.WholeNumber"))
            : null;
        DateTime? Date(string name) => Text(name) is { } s
            ? DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
                ? d : throw new RuleException(name, new LocalText("Loc4_Problem.Query.Date"))
            : null;

        return new TicketQuery(
            Text("status"), Text("assignee"), Number("team"), Text("reason"), Text("channel"), Text("priority"), Text("language"),
            Text("tag"), Number("customer"), Number("organization"),
            Date("createdFrom"), Date("createdTo"), Date("updatedFrom"), Date("updatedTo"));
    }

    public static string Format(TicketQuery q)
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("status", q.Status),
            new("assignee", q.Assignee),
            new("team", q.Team?.ToString(CultureInfo.InvariantCulture)),
            new("reason", q.Reason),
            new("channel", q.Channel),
            new("priority", q.Priority),
            new("language", q.Language),
            new("tag", q.Tag),
            new("customer", q.Customer?.ToString(CultureInfo.InvariantCulture)),
            new("organization", q.Organization?.ToString(CultureInfo.InvariantCulture)),
            new("createdFrom", Day(q.CreatedFrom)),
            new("createdTo", Day(q.CreatedTo)),
            new("updatedFrom", Day(q.UpdatedFrom)),
            new("updatedTo", Day(q.UpdatedTo)),
        };
        return QueryString.Create(parts.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToString().TrimStart('?');
    }

    private static string? Day(DateTime? value) =>
        value is { } d ? (d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("O", CultureInfo.InvariantCulture)) : null;
}
