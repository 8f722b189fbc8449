using Kalinga.Channels;

namespace Kalinga.Tickets;

public sealed record TicketSummary(
    long Id,
    long Number,
    string Subject,
    TicketStatus Status,
    Priority Priority,
    string Reason,
    Channel Channel,
    string Language,
    long CustomerId,
    string CustomerName,
    long? OrganizationId,
    long? AssigneeId,
    long? TeamId,
    IReadOnlyList<string> Tags,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, string? NextCursor);

public sealed record TicketDetails(
    long Id,
    long Number,
    string Subject,
    TicketStatus Status,
    Priority Priority,
    string Reason,
    Channel Channel,
    string Language,
    PartyView Customer,
    long? OrganizationId,
    long? AssigneeId,
    long? TeamId,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Causes,
    IReadOnlyDictionary<string, string> CustomFields,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FirstResponseAt,
    DateTime? SolvedAt,
    DateTime? ClosedAt,
    long? MergedIntoNumber,
    int Version,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<EventView> Events);

/// <summary>Someone on the timeline: <c>kind</c> is agent, customer, api_token or system.</summary>
public sealed record PartyView(ActorKind Kind, long? Id, string Name);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Size);

public sealed record MessageView(
    long Id,
    MessageDirection Direction,
    MessageKind Kind,
    bool Internal,
    PartyView Author,
    string Text,
    string? Html,
    DeliveryStatus DeliveryStatus,
    string? DeliveryError,
    DateTime CreatedAt,
    IReadOnlyList<AttachmentView> Attachments);

public sealed record EventView(long Id, string Type, PartyView Actor, EventData Data, DateTime CreatedAt);
