using Kalinga.Tickets;

namespace Kalinga.Channels.Web;

public sealed record PortalRequestSummary(long Number, string Subject, TicketStatus Status, string RequesterName, bool IsOwn, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record PortalAttachment(long Id, string FileName, string ContentType, long Size);

public sealed record PortalMessage(long Id, bool FromCustomer, string AuthorName, string Text, string? Html, DateTime CreatedAt, IReadOnlyList<PortalAttachment> Attachments);

/// <summary>A custom field shown to customers, labelled and written in the page's language.</summary>
public sealed record PortalField(string Key, string Label, string Value);

/// <summary>A request as its customer sees it: the public conversation only. <c>MergedInto</c> names the request it continues in.</summary>
public sealed record PortalRequest(
    long Number,
    string Subject,
    TicketStatus Status,
    string Reason,
    string RequesterName,
    bool IsOwn,
    IReadOnlyList<PortalField> Fields,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long? MergedInto,
    IReadOnlyList<PortalMessage> Messages)
{
    public bool CanReply => Status != TicketStatus.Closed && MergedInto is null;

    public bool CanMarkSolved => Status is not (TicketStatus.Solved or TicketStatus.Closed) && MergedInto is null;
}
