using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Kalinga.Tickets;

/// <summary>
/// The text and sanitized HTML of a message. HTML from anywhere (an agent's editor, a customer's mail) passes the
/// sanitizer before it is stored, so nothing downstream can render a script.
/// </summary>
public sealed class MessageBody(HtmlSanitizer sanitizer)
{
    public const int MaxLength = 1_000_000;

    public (string Text, string? Html) From(string? text, string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return (text?.Trim() ?? "", null);
        }

        var clean = sanitizer.Sanitize(html);
        var plain = string.IsNullOrWhiteSpace(text) ? TextOf(clean) : text.Trim();
        return (plain, clean);
    }

    private static string TextOf(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return (document.Body?.TextContent ?? "").Trim();
    }
}
