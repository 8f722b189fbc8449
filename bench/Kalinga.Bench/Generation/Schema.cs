using Kalinga.Customers;

namespace Kalinga.Bench.Generation;

/// <summary>The tables the generator fills and the columns it writes, shared by the SQLite and PostgreSQL loaders.</summary>
public static class Schema
{
    public static readonly Table<TeamRow> Teams = new("Teams", ["Id", "Name"], t => [t.Id, t.Name]);

    public static readonly Table<AgentRow> Agents = new(
        "Agents",
        ["Id", "Name", "Email", "Role", "Languages", "UiLanguage", "IsActive", "FailedSignIns", "CreatedAt"],
        a => [a.Id, a.Name, a.Email, a.Role, a.Languages, a.UiLanguage, true, 0, a.CreatedAt]);

    public static readonly Table<(long Agent, long Team)> TeamMembers = new("TeamMembers", ["MembersId", "TeamsId"], m => [m.Agent, m.Team]);

    public static readonly Table<TagRow> Tags = new("Tags", ["Id", "Name"], t => [t.Id, t.Name]);

    public static readonly Table<OrganizationRow> Organizations = new(
        "Organizations",
        ["Id", "Name", "NameKey", "Domains", "CreatedAt"],
        o => [o.Id, o.Name, o.NameKey, o.Domains, o.CreatedAt]);

    /// <summary>The organizations' domains as the app keys them (how a new sender's organization is found).</summary>
    public static readonly Table<(string Domain, long Organization)> OrganizationDomains = new(
        "OrganizationDomains", ["Domain", "OrganizationId"], d => [d.Domain, d.Organization]);

    public static IEnumerable<(string Domain, long Organization)> DomainsOf(IEnumerable<OrganizationRow> organizations) =>
        organizations.SelectMany(o => o.Domains.Select(d => (d, o.Id)));

    public static readonly Table<CustomerRow> Customers = new(
        "Customers",
        ["Id", "Name", "NameKey", "OrganizationId", "Language", "IsVip", "Segments", "MarketingConsent", "CreatedAt", "UpdatedAt"],
        c => [c.Id, c.Name, c.NameKey, c.OrganizationId, c.Language, c.IsVip, c.IsVip ? new[] { "vip" } : Array.Empty<string>(), false, c.CreatedAt, c.CreatedAt]);

    public static readonly Table<(long Id, long Customer, IdentityKind Kind, string Value)> Identities = new(
        "CustomerIdentities",
        ["Id", "CustomerId", "Kind", "Value", "IsPrimary"],
        i => [i.Id, i.Customer, i.Kind.ToString(), i.Value, true]);

    public static readonly Table<TicketRow> Tickets = new(
        "Tickets",
        [
            "Id", "Number", "Subject", "ReasonId", "Status", "Priority", "Channel", "CustomerId", "OrganizationId", "AssigneeId", "TeamId",
            "Language", "CustomFields", "CreatedAt", "UpdatedAt", "FirstResponseAt", "SolvedAt", "ClosedAt", "Version",
        ],
        t =>
        [
            t.Id, t.Number, t.Subject, t.ReasonId, t.Status, t.Priority, t.Channel, t.CustomerId, t.OrganizationId, t.AssigneeId, t.TeamId,
            t.Language, "{}", t.CreatedAt, t.UpdatedAt, t.FirstResponseAt, t.SolvedAt, t.ClosedAt, t.Version,
        ]);

    public static readonly Table<MessageRow> Messages = new(
        "Messages",
        ["Id", "TicketId", "Direction", "Kind", "AuthorKind", "AuthorId", "Text", "Html", "ExternalId", "DeliveryStatus", "DeliveryAttempts", "CreatedAt"],
        m => [m.Id, m.TicketId, m.Direction, m.Kind, m.AuthorKind, m.AuthorId, m.Text, m.Html, m.ExternalId, m.DeliveryStatus, m.DeliveryStatus == "Sent" ? 1 : 0, m.CreatedAt]);

    /// <summary>Delivered a second after they happened: the dispatcher of the app under test starts with no backlog.</summary>
    public static readonly Table<EventRow> Events = new(
        "Events",
        ["Id", "TicketId", "CustomerId", "MessageId", "Type", "ActorKind", "ActorId", "Data", "CreatedAt", "DispatchedAt", "Attempts", "NextAttemptAt", "CompletedHandlers"],
        e => [e.Id, e.TicketId, e.CustomerId, e.Message?.Id, e.Type, e.ActorKind, e.ActorId, e.Data, e.CreatedAt, e.CreatedAt.AddSeconds(1), 0, e.CreatedAt, ""]);

    public static readonly Table<TicketTagRow> TicketTags = new("TicketTags", ["TicketId", "TagId"], t => [t.TicketId, t.TagId]);

    /// <summary>Tables whose secondary indexes are dropped during the load and built again at the end (faster than row by row).</summary>
    public static readonly string[] Bulk = ["Customers", "CustomerIdentities", "Tickets", "Messages", "Events", "TicketTags", "MessageSearch", "TicketSearch"];
}
