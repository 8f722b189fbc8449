using Kalinga.Search;

namespace Kalinga.Tests.Search;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Zamówienie", "zamowienie")]
    [InlineData("Łódź, ŻÓŁĆ", "lodz, zolc")]
    [InlineData("perché è già così", "perche e gia cosi")]
    [InlineData("Straße", "strasse")]
    [InlineData("Niño", "nino")]
    public void Folding_removes_case_and_accents(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Queries_become_quoted_terms_that_cannot_inject_syntax()
    {
        var query = SearchQuery.Parse("zamówienie \"LH-204913\" OR* NEAR(");

        Assert.Equal("\"zamowienie\"* \"lh 204913\"* \"or\" \"near\"*", query.ToFts5());
        Assert.Equal("(zamowienie:*) & (lh <-> 204913:*) & (or) & (near:*)", query.ToTsQuery());
    }
}
