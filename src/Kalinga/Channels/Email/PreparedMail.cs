using Kalinga.Attachments;

namespace Kalinga.Channels.Email;

/// <summary>
/// A message kept in the blob store and parsed, ready to be stored: its parsed form and stored attachments, or the
/// reason it is to be quarantined (<see cref="Mail"/> is then null).
/// </summary>
public sealed record PreparedMail(StoredBlob Blob, ParsedMail? Mail, IReadOnlyList<(MailFile File, StoredBlob Blob)> Files, string? Rejection);
