using System.Security.Cryptography;
using System.Text;

namespace Kalinga.Automation;

/// <summary>
/// Webhook requests carry <c>X-Kalinga-Timestamp</c> (Unix seconds) and
/// <c>X-Kalinga-Signature: sha256=&lt;hex HMAC-SHA256 of "timestamp.body" with the rule's secret&gt;</c>.
/// Signing the timestamp with the body lets receivers refuse replays of old requests.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Kalinga-Signature";
    public const string TimestampHeader = "X-Kalinga-Timestamp";
    public const string DeliveryHeader = "X-Kalinga-Delivery";

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
