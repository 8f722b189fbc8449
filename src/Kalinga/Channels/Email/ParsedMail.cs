using MimeKit;

namespace Kalinga.Channels.Email;

/// <summary>A file carried by an e-mail: an attachment, an inline image (with its Content-ID) or a forwarded message.</summary>
public sealed record MailFile(string FileName, string ContentType, string? ContentId, byte[] Content, string Sha256);

/// <summary>An inbound e-mail as Kalinga understood it; <see cref="Mime"/> stays available to the filters.</summary>
public sealed record ParsedMail(MimeMessage Mime, string MessageId, string FromAddress)
{
    public string? FromName { get; init; }

    public string Subject { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>HTML with inline images pointing at Kalinga and remote images removed; sanitized later by the inbound step.</summary>
    public string? Html { get; init; }

    public string? UnquotedText { get; init; }

    public IReadOnlyList<string> RemoteImages { get; init; } = [];

    public IReadOnlyList<string> To { get; init; } = [];

    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>Where the message was really delivered (Delivered-To, X-Original-To), which shows plus-address tokens that To may hide.</summary>
    public IReadOnlyList<string> DeliveredTo { get; init; } = [];

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public string? Language { get; init; }

    public IReadOnlyList<MailFile> Files { get; init; } = [];
}
