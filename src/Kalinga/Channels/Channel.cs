namespace Kalinga.Channels;

/// <summary>Where a contact came from. Only code under Channels/ gives a channel its own behaviour.</summary>
public enum Channel
{
    Email,
    Web,
    Chat,
    Phone,
    Office,
    Social,
    Api,
}
