using System.Text.Json;
using System.Text.Json.Serialization;
using Kalinga.Customers;
using Kalinga.Tickets;

namespace Kalinga.Bench.Generation;

/// <summary>The rows of everything but tickets, derived from a <see cref="Plan"/>: with team memberships, identities and customer.created events.</summary>
public sealed class DeskRows(Plan plan)
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Plan Plan => plan;

    public IEnumerable<(long Agent, long Team)> TeamMembers =>
        plan.Agents.SelectMany(a => a.TeamIds.Select(t => (a.Id, t)));

    public IEnumerable<(long Id, long Customer, IdentityKind Kind, string Value)> Identities
    {
        get
        {
            long id = 1;
            foreach (var c in plan.Customers)
            {
                yield return (id++, c.Id, IdentityKind.Email, c.Email);
                if (c.Phone is not null)
                {
                    yield return (id++, c.Id, IdentityKind.Phone, c.Phone);
                }
            }
        }
    }

    /// <summary>One customer.created event per customer, numbered from 1; ticket events continue after them.</summary>
    public IEnumerable<EventRow> CustomerEvents => plan.Customers.Select(c => new EventRow
    {
        Id = c.Id,
        CustomerId = c.Id,
        Type = TicketEventTypes.CustomerCreated,
        ActorKind = ActorKind.System.ToString(),
        Data = JsonSerializer.Serialize(
            new
            {
                c.Name,
                c.Language,
                c.OrganizationId,
                identities = c.Phone is null
                    ? new[] { new { Kind = IdentityKind.Email, Value = c.Email } }
                    : [new { Kind = IdentityKind.Email, Value = c.Email }, new { Kind = IdentityKind.Phone, Value = c.Phone }],
            },
            EventJson),
        CreatedAt = c.CreatedAt,
    });

    public long FirstTicketEventId => plan.Customers.Count + 1;
}
