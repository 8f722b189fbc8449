using Kalinga.Attachments;

namespace Kalinga.Tests.Attachments;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("C:\\Users\\ana\\Desktop\\photo.png", "photo.png")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("/tmp/report.pdf", "report.pdf")]
    [InlineData("Łódź – raport.pdf", "Łódź – raport.pdf")]
    public void Paths_are_stripped_and_names_kept(string raw, string clean) =>
        Assert.Equal(clean, FileNames.Clean(raw));

    [Theory]
    [InlineData("bad\r\nname.txt", "badname.txt")]
    [InlineData("tab\there.txt", "tabhere.txt")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("report.exe. . ", "report.exe")]
    public void Control_characters_direction_overrides_and_trailing_dots_are_removed(string raw, string clean) =>
        Assert.Equal(clean, FileNames.Clean(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("C:\\folder\\")]
    [InlineData("\u0000\u0007")]
    public void Nothing_left_becomes_attachment(string? raw) =>
        Assert.Equal("attachment", FileNames.Clean(raw));

    [Fact]
    public void Long_names_are_cut_to_255_characters_keeping_the_extension()
    {
        var clean = FileNames.Clean(new string('a', 300) + ".pdf");

        Assert.Equal(255, clean.Length);
        Assert.EndsWith("a.pdf", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_never_splits_a_character()
    {
        var clean = FileNames.Clean(new string('a', 250) + string.Concat(Enumerable.Repeat("😀", 10)) + ".txt");

        Assert.True(clean.Length <= 255);
        Assert.False(char.IsHighSurrogate(clean[^5]));
        Assert.EndsWith(".txt", clean, StringComparison.Ordinal);
    }
}
