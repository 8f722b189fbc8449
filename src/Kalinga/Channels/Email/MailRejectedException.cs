namespace Kalinga.Channels.Email;

/// <summary>A message Kalinga cannot turn into a ticket message; the text is the quarantine reason an admin reads.</summary>
public sealed class MailRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
