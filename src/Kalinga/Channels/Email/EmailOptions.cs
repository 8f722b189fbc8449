using System.ComponentModel.DataAnnotations;

namespace Kalinga.Channels.Email;

/// <summary>The <c>Email</c> section: limits and timings shared by every mailbox (mailboxes themselves are data).</summary>
public sealed class EmailOptions
{
    /// <summary>Largest raw message accepted by the HTTP endpoint and parsed in full; larger ones are quarantined.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxMessageBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>How often a mailbox is checked when the server has no IMAP IDLE (and how long IDLE waits at most).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:29:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages committed per pass before health and the lease are refreshed.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>RFC 5321 §6.3 asks for loop detection by counting Received fields; Postfix bounces at 50.</summary>
    [Range(5, 500)]
    public int MaxReceivedHops { get; set; } = 50;

    /// <summary>At most this many receipts to one customer per hour, whatever they send (RFC 3834 §2: do not flood).</summary>
    [Range(0, 1000)]
    public int MaxReceiptsPerHour { get; set; } = 5;
}
