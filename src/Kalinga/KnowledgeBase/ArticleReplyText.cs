using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// An article's Markdown as plain text an agent can paste into a reply: paragraphs stay apart, list items keep their
/// bullets and numbers, table rows become lines, and links (help-center files, videos) become full addresses, since a
/// customer's mail client knows nothing of the help center's relative paths. Raw HTML is left out.
/// </summary>
public static class ArticleReplyText
{
    public static string From(string markdown, string language, string publicUrl)
    {
        var document = Markdig.Markdown.Parse(markdown, ArticleMarkdown.Pipeline);
        var text = new StringBuilder();
        foreach (var block in document)
        {
            AppendBlock(text, block, "", language, publicUrl.TrimEnd('/'));
        }

        return text.ToString().Trim();
    }

    private static void AppendBlock(StringBuilder text, Block block, string prefix, string language, string baseUrl)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline } and (ParagraphBlock or HeadingBlock):
                var line = Inlines(inline, language, baseUrl).Trim();
                if (line.Length > 0)
                {
                    text.Append(prefix).Append(line).Append("\n\n");
                }

                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var bullet = list.IsOrdered ? $"{number++}. " : "- ";
                    var inner = new StringBuilder();
                    foreach (var child in item)
                    {
                        AppendBlock(inner, child, "", language, baseUrl);
                    }

                    var lines = inner.ToString().Trim().Split('\n').Where(l => l.Trim().Length > 0);
                    text.Append(prefix).Append(bullet).AppendJoin("\n" + prefix + new string(' ', bullet.Length), lines).Append('\n');
                }

                text.Append('\n');
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(c => string.Join(' ', c.OfType<LeafBlock>().Select(b => b.Inline is null ? "" : Inlines(b.Inline, language, baseUrl).Trim())));
                    text.Append(prefix).AppendJoin(" – ", cells).Append('\n');
                }

                text.Append('\n');
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AppendBlock(text, child, prefix, language, baseUrl);
                }

                break;
            case CodeBlock code:
                text.Append(prefix).AppendJoin("\n" + prefix, code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())).Append("\n\n");
                break;
        }
    }

    private static string Inlines(ContainerInline container, string language, string baseUrl)
    {
        var text = new StringBuilder();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline link:
                    var label = Inlines(link, language, baseUrl).Trim();
                    var url = Absolute(link.Url ?? "", language, baseUrl);
                    text.Append(link.IsImage && !(link.Url ?? "").StartsWith(ArticleMarkdown.VideoPrefix, StringComparison.Ordinal) ? label
                        : label.Length == 0 || label == url ? url
                        : $"{label} ({url})");
                    break;
                case ContainerInline inner:
                    text.Append(Inlines(inner, language, baseUrl));
                    break;
            }
        }

        return text.ToString();
    }

    private static string Absolute(string url, string language, string baseUrl) =>
        !url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) ? url
        : url.StartsWith("/kb/files/", StringComparison.Ordinal) && !url.Contains('?', StringComparison.Ordinal) ? $"{baseUrl}{url}?lang={language}"
        : baseUrl + url;
}
