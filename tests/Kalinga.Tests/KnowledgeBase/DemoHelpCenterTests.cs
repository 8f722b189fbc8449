using System.Text;
using Kalinga.Demo;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.KnowledgeBase;

/// <summary>The real demo help center: every embedded article file parses and is published, with its PDF guides.</summary>
public sealed class DemoHelpCenterTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task The_demo_help_center_loads_every_article_in_four_languages_with_pdf_guides_in_each()
    {
        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<DemoHelpCenter>().LoadAsync(CancellationToken.None));
        var perLanguage = await app.WithDbAsync(db => db.ArticleTranslations.Where(t => t.PublishedAt != null).GroupBy(t => t.Language).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        var client = app.CreateClient();

        var english = await client.GetByteArrayAsync("/kb/files/washing-machine-error-codes.pdf?lang=en");
        var polish = await client.GetByteArrayAsync("/kb/files/washing-machine-error-codes.pdf?lang=pl");

        Assert.True(report.Articles >= 25, $"Only {report.Articles} articles.");
        Assert.All(perLanguage, l => Assert.Equal(report.Articles, l.Count));
        Assert.Equal(4, perLanguage.Count);
        foreach (var pdf in new[] { english, polish })
        {
            var text = Encoding.Latin1.GetString(pdf);
            Assert.StartsWith("%PDF-1.4", text, StringComparison.Ordinal);
            Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
        }

        Assert.NotEqual(english, polish);
        Assert.Contains("AquaWash", Encoding.Latin1.GetString(polish), StringComparison.Ordinal);
    }
}
