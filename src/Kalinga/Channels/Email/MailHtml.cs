using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kalinga.Channels.Email;

/// <summary>
/// Prepares an e-mail's HTML for agents: inline <c>cid:</c> images point at Kalinga, remote images are removed
/// (a remote image tells the sender when and where the mail was read) and remembered so an agent can load them
/// on purpose, and quoted history is folded into a closed <c>&lt;details&gt;</c>. The sanitizer runs afterwards.
/// </summary>
public static partial class MailHtml
{
    /// <summary>Deeper documents are reduced to text: rendering and sanitizing HTML recurse, and hostile mail nests thousands deep.</summary>
    public const int MaxDepth = 200;

    private const int MaxTagDepth = 1000;

    private static readonly HashSet<string> Unnested = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "option", "optgroup", "dt", "dd", "tbody", "thead", "tfoot", "colgroup", "caption",
    };

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
        if (TagDepth(html) > MaxTagDepth)
        {
            // The parser slows down quadratically with nesting: tens of thousands of levels take seconds. Such mail
            // is an attack, not a layout; its words are kept as plain text.
            return new Result(null, MailText.Clean(System.Net.WebUtility.HtmlDecode(Tag().Replace(html, " "))).Trim(), []);
        }

        var document = Parser.ParseDocument(html);
        var body = document.Body;
        if (body is null)
        {
            return new Result(null, "", []);
        }

        if (Depth(body) > MaxDepth)
        {
            return new Result(null, TextOf(body), []);
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
        return new Result(body.InnerHtml, TextOf(body), remote);
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

    /// <summary>How deep the tags nest, counted on the raw text: elements that close themselves or are closed implicitly do not count.</summary>
    private static int TagDepth(string html)
    {
        int depth = 0, max = 0;
        foreach (System.Text.RegularExpressions.Match tag in OpenOrClose().Matches(html))
        {
            if (Unnested.Contains(tag.Groups["name"].Value) || tag.Value.EndsWith("/>", StringComparison.Ordinal))
            {
                continue;
            }

            depth = tag.Groups["close"].Success ? Math.Max(0, depth - 1) : depth + 1;
            max = Math.Max(max, depth);
        }

        return max;
    }

    private static int Depth(INode root)
    {
        var max = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            if (max > MaxDepth)
            {
                return max;
            }

            foreach (var child in node.ChildNodes)
            {
                stack.Push((child, depth + 1));
            }
        }

        return max;
    }

    /// <summary>Text of the document without recursion, a line break per block.</summary>
    private static string TextOf(INode root)
    {
        var text = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                text.Append(t.Data);
            }
            else if (node is IElement { LocalName: "br" or "p" or "div" or "tr" or "li" or "h1" or "h2" or "h3" })
            {
                text.Append('\n');
            }

            if (node is IElement { LocalName: "script" or "style" or "head" or "title" })
            {
                continue;
            }

            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(node.ChildNodes[i]);
            }
        }

        return BlankLines().Replace(MailText.Clean(text.ToString()), "\n\n").Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex OpenOrClose();

    [System.Text.RegularExpressions.GeneratedRegex(@"<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t\u00A0]*\n\s*\n\s*")]
    private static partial System.Text.RegularExpressions.Regex BlankLines();
}
