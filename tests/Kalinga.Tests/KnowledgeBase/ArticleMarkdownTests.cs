using Kalinga.KnowledgeBase;

namespace Kalinga.Tests.KnowledgeBase;

public sealed class ArticleMarkdownTests
{
    private readonly ArticleMarkdown markdown = new();

    [Theory]
    [InlineData("<iframe src=\"https://evil.example/embed/x\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube-nocookie.com.evil.example/embed/x\"></iframe>")]
    [InlineData("<script>alert(1)</script><img src=x onerror=alert(1)>")]
    public void Frames_from_any_other_host_and_scripts_are_removed(string html)
    {
        var rendered = markdown.Render("Text\n\n" + html, "en");

        Assert.DoesNotContain("<iframe", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_line_becomes_a_privacy_enhanced_player_and_guide_links_carry_the_language()
    {
        var rendered = markdown.Render("![video](https://www.youtube-nocookie.com/embed/abc)\n\n[Guide](/kb/files/guide.pdf)", "pl");

        Assert.Contains("<iframe class=\"kb-video\" src=\"https://www.youtube-nocookie.com/embed/abc\"", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/kb/files/guide.pdf?lang=pl\"", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", rendered.PlainText, StringComparison.Ordinal);
    }
}
