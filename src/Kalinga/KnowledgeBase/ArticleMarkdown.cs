using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// Renders an article's Markdown once, when it is published: tables and headings, images, a
/// <c>![video](https://www.youtube-nocookie.com/embed/…)</c> line as an embedded player, and links to help-center
/// files pointed at the article's language. The result is sanitized.
/// </summary>
/// <remarks>
/// Articles get a sanitizer of their own rather than the one messages use: it also lets through iframes, and only to
/// YouTube's privacy-enhanced host. Widening the message sanitizer would let any inbound e-mail frame other pages.
/// </remarks>
public sealed class ArticleMarkdown
{
    public const string VideoPrefix = "https://www.youtube-nocookie.com/embed/";
    private const string FilesPrefix = "/kb/files/";

    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public sealed record Rendered(string Html, string PlainText);

    public Rendered Render(string markdown, string language)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage && link.Url?.StartsWith(VideoPrefix, StringComparison.Ordinal) == true)
            {
                var title = System.Net.WebUtility.HtmlEncode(link.FirstChild?.ToString() ?? "video");
                var src = System.Net.WebUtility.HtmlEncode(link.Url);
                link.ReplaceBy(copyChildren: false, inline: new HtmlInline(
                    $"<iframe class=\"kb-video\" src=\"{src}\" title=\"{title}\" loading=\"lazy\" allow=\"encrypted-media; picture-in-picture\" allowfullscreen></iframe>"));
            }
            else if (!link.IsImage && link.Url?.StartsWith(FilesPrefix, StringComparison.Ordinal) == true && !link.Url.Contains('?', StringComparison.Ordinal))
            {
                link.Url += "?lang=" + language;
            }
        }

        var html = sanitizer.Sanitize(document.ToHtml(Pipeline));
        var text = Markdig.Markdown.ToPlainText(markdown, Pipeline);
        return new Rendered(html, string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("iframe");
        foreach (var attribute in new[] { "allow", "allowfullscreen", "loading", "title", "id" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedAttributes.Add("class");
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName == "IFRAME" && !e.OriginalUrl.StartsWith(VideoPrefix, StringComparison.Ordinal))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "IFRAME" } frame && frame.GetAttribute("src") is null)
            {
                frame.Remove();
            }
        };
        return sanitizer;
    }
}
