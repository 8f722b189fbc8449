using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Kalinga.Customers;

/// <summary>
/// The opaque keyset cursor of customer, organization and timeline pages: base64url of "id|key", the last row's
/// id and sort key. Opaque so that clients pass it back instead of building their own.
/// </summary>
internal static class PageCursor
{
    public static string Encode(long id, string key = "") =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}|{key}")));

    public static (long Id, string Key) Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (id, text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new RuleException("cursor", new LocalText("Loc4_Problem.Customers.Cursor"));
    }
}
