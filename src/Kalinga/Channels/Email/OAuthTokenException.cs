namespace Kalinga.Channels.Email;

/// <summary>No access token could be had for a mailbox; the message is shown on the mailbox health and holds no secret.</summary>
public sealed class OAuthTokenException(string message, Exception? inner = null) : Exception(message, inner);
