using Markdig;

namespace Kalinga.Web.Agent;

/// <summary>
/// Agents write replies in Markdown (the toolbar inserts it); the message keeps the source as its text part and the
/// rendered HTML, which the message body sanitizes like any other HTML.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    public static string ToHtml(string source) => Markdig.Markdown.ToHtml(source, Pipeline);
}
