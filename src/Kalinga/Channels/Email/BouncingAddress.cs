namespace Kalinga.Channels.Email;

/// <summary>An address our replies bounced from: shown to agents so they can ask the customer for another one.</summary>
public sealed class BouncingAddress(string address, DateTime lastBounceAt)
{
    public string Address { get; private set; } = address;

    public int Bounces { get; set; }

    public string? LastReason { get; set; }

    public DateTime LastBounceAt { get; set; } = lastBounceAt;
}
