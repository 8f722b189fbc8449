using AngleSharp.Dom;

namespace Kalinga.Channels.Email;

/// <summary>Measures and flattens HTML without recursion, so a document nested thousands deep cannot exhaust the stack.</summary>
internal static partial class HtmlShape
{
    public const int MaxTagDepth = 1000;

    private static readonly HashSet<string> Unnested = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "option", "optgroup", "dt", "dd", "tbody", "thead", "tfoot", "colgroup", "caption",
    };

    /// <summary>The words of a document too deep to parse: tags dropped, entities decoded.</summary>
    public static string StripTags(string html) => MailText.Clean(System.Net.WebUtility.HtmlDecode(Tag().Replace(html, " "))).Trim();

    /// <summary>How deep the tags nest, counted on the raw text: elements that close themselves or are closed implicitly do not count.</summary>
    public static int TagDepth(string html)
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

    public static int Depth(INode root, int limit)
    {
        var max = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            if (max > limit)
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
    public static string TextOf(INode root)
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
