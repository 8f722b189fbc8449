using System.Text;
using System.Text.RegularExpressions;
using Kalinga.KnowledgeBase;

namespace Kalinga.Tests.KnowledgeBase;

public sealed class PdfGuideTests
{
    [Fact]
    public void Every_object_sits_exactly_where_the_cross_reference_table_says()
    {
        var pdf = Encoding.Latin1.GetString(PdfGuide.Write("Kody błędów", [.. Enumerable.Range(1, 120).Select(i => $"Wiersz {i}: żółć gęślą jaźń (E0{i % 10})")]));

        var xref = int.Parse(Regex.Match(pdf, @"startxref\n(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var offsets = Regex.Matches(pdf[xref..], @"(\d{10}) 00000 n").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.StartsWith("xref", pdf[xref..], StringComparison.Ordinal);
        Assert.All(offsets.Select((o, i) => (o, i)), x => Assert.StartsWith($"{x.i + 1} 0 obj", pdf[x.o..], StringComparison.Ordinal));
        Assert.Contains("/Count 3", pdf, StringComparison.Ordinal);
        Assert.Contains("/lslash", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("?", Regex.Match(pdf, @"\((Wiersz 1:[^)]*)\)").Groups[1].Value, StringComparison.Ordinal);
    }
}
