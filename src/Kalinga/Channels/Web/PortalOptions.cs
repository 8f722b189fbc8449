using System.ComponentModel.DataAnnotations;

namespace Kalinga.Channels.Web;

/// <summary>The <c>Portal</c> section: where customers reach Kalinga, and how hard the public forms may be used.</summary>
public sealed class PortalOptions
{
    /// <summary>The address links in e-mails point to (sign-in links, receipts); Kalinga cannot guess it behind a proxy.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>Form posts (requests, sign-in links, feedback) one address may make per <see cref="FormWindow"/>.</summary>
    [Range(1, 100_000)]
    public int FormPostsPerWindow { get; set; } = 10;

    public TimeSpan FormWindow { get; set; } = TimeSpan.FromMinutes(10);
}
