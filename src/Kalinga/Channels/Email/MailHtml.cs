using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kalinga.Channels.Email;

/// <summary>
/// Prepares an e-mail's HTML for agents: inline <c>cid:</c> images point at Kalinga, remote images are removed
/// (a remote image tells the sender when and where the mail was read) and remembered so an agent can load them
/// on purpose, and quoted history is folded into a closed <c>&lt;details&gt;</c>. The sanitizer runs afterwards.
/// </summary>
public static class MailHtml
{
    /// <summary>Deeper documents are reduced to text: rendering and sanitizing HTML recurse, and hostile mail nests thousands deep.</summary>
    public const int MaxDepth = 200;

    public const string InlineImagePath = "/api/v1/email/inline/";

    private static readonly HtmlParser Parser = new();

    private static readonly string[] QuoteSelectors =
    [
        "div.gmail_quote", "blockquote[type=cite]", "div.moz-cite-prefix", "div.gmail_signature", "div.moz-signature",
        "div#Signature", "div.yahoo_quoted", "blockquote.gmail_quote",
    ];

    public sealed record Result(string? Html, string Text, IReadOnlyList<string> RemoteImages);

    public static Result Process(string html, IReadOnlyDictionary<string, string> inlineUrls)
    {
        if (HtmlShape.TagDepth(html) > HtmlShape.MaxTagDepth)
        {
            // The parser slows down quadratically with nesting: tens of thousands of levels take seconds. Such mail
            // is an attack, not a layout; its words are kept as plain text.
            return new Result(null, HtmlShape.StripTags(html), []);
        }

        var document = Parser.ParseDocument(html);
        var body = document.Body;
        if (body is null)
        {
            return new Result(null, "", []);
        }

        if (HtmlShape.Depth(body, MaxDepth) > MaxDepth)
        {
            return new Result(null, HtmlShape.TextOf(body), []);
        }

        var remote = new List<string>();
        foreach (var image in document.QuerySelectorAll("img"))
        {
            var src = image.GetAttribute("src")?.Trim() ?? "";
            if (src.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            {
                var cid = Uri.UnescapeDataString(src[4..]).Trim('<', '>');
                image.SetAttribute("src", inlineUrls.TryGetValue(cid, out var url) ? url : "");
            }
            else if (src.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || src.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || src.StartsWith("//", StringComparison.Ordinal))
            {
                remote.Add(src.StartsWith("//", StringComparison.Ordinal) ? "https:" + src : src);
                image.RemoveAttribute("src");
                image.SetAttribute("name", $"remote-image-{remote.Count}");
                image.SetAttribute("title", "Remote image blocked");
            }

            image.RemoveAttribute("srcset");
        }

        foreach (var element in document.QuerySelectorAll("[background], [style]"))
        {
            element.RemoveAttribute("background");
            if (element.GetAttribute("style") is { } style && style.Contains("url(", StringComparison.OrdinalIgnoreCase))
            {
                element.RemoveAttribute("style");
            }
        }

        Fold(document);
        return new Result(body.InnerHtml, HtmlShape.TextOf(body), remote);
    }

    /// <summary>Puts each quote or signature (and, for Outlook's reply header, everything after it) into a closed details element.</summary>
    private static void Fold(IDocument document)
    {
        var targets = document.QuerySelectorAll(string.Join(", ", QuoteSelectors)).ToList();
        if (document.QuerySelector("div#divRplyFwdMsg, div#appendonsend") is { } outlook)
        {
            targets.Add(outlook);
        }

        foreach (var target in targets)
        {
            if (target.Parent is null || target.Closest("details[title=\"Quoted text\"]") is not null)
            {
                continue;
            }

            var details = document.CreateElement("details");
            details.SetAttribute("title", "Quoted text");
            var summary = document.CreateElement("summary");
            summary.TextContent = "…";
            details.AppendChild(summary);
            var follow = target.Id is "divRplyFwdMsg" or "appendonsend";
            target.Parent.InsertBefore(details, target);
            var node = (INode?)target;
            while (node is not null)
            {
                var next = node.NextSibling;
                details.AppendChild(node);
                node = follow ? next : null;
            }
        }
    }
}
