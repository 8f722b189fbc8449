using System.Text;
using Kalinga.Attachments;

namespace Kalinga.Tests.Attachments;

public sealed class ContentSnifferTests
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("Hello, this is plain text.");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("not a type")]
    public void Png_is_stored_as_png_whatever_it_is_sent_as(string? claimed) =>
        Assert.Equal("image/png", ContentSniffer.Verify(Uploads.Png, "scan", claimed));

    [Fact]
    public void Jpeg_sent_as_png_is_stored_as_jpeg() =>
        Assert.Equal("image/jpeg", ContentSniffer.Verify(Jpeg, "photo.png", "image/png"));

    [Fact]
    public void Webp_needs_both_of_its_marks()
    {
        Assert.Equal("image/webp", ContentSniffer.Verify("RIFF\x24\0\0\0WEBPVP8 "u8, "a.webp", null));
        Assert.Equal("audio/wav", ContentSniffer.Verify("RIFF\x24\0\0\0WAVEfmt "u8, "a.wav", "audio/wav"));
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, "Windows program")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1 }, "Linux program")]
    [InlineData(new byte[] { 0xCF, 0xFA, 0xED, 0xFE, 7, 0 }, "macOS program")]
    [InlineData(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE, 0, 0 }, "macOS program or Java class")]
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E }, "script")]
    public void Programs_and_scripts_are_refused_whatever_they_claim(byte[] head, string what)
    {
        var refused = Assert.Throws<AttachmentRefusedException>(() => ContentSniffer.Verify(head, "holiday.png", "image/png"));

        Assert.False(refused.IsTooLarge);
        Assert.Contains("'holiday.png'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(what, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("library.DLL")]
    [InlineData("run.bat")]
    [InlineData("run.cmd")]
    [InlineData("command.com")]
    [InlineData("screensaver.scr")]
    [InlineData("install.msi")]
    [InlineData("fix.ps1")]
    [InlineData("macro.vbs")]
    [InlineData("invoice.pdf.js")]
    [InlineData("tool.jar")]
    [InlineData("deploy.sh")]
    public void Program_file_names_are_refused_whatever_the_bytes(string name)
    {
        var refused = Assert.Throws<AttachmentRefusedException>(() => ContentSniffer.Verify(Text, name, "text/plain"));

        Assert.Contains($"'{name}'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("application/pdf")]
    [InlineData("application/zip")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("application/msword")]
    public void A_claim_the_bytes_do_not_back_is_refused(string claimed)
    {
        var refused = Assert.Throws<AttachmentRefusedException>(() => ContentSniffer.Verify(Text, "document", claimed));

        Assert.Contains(claimed, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_sent_as_a_word_document_is_refused() =>
        Assert.Throws<AttachmentRefusedException>(() => ContentSniffer.Verify("%PDF-1.7"u8, "report.doc", "application/msword"));

    [Theory]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("application/zip")]
    public void Office_files_keep_the_claimed_type_once_the_container_matches(string claimed) =>
        Assert.Equal(claimed, ContentSniffer.Verify(Zip, "sheet.xlsx", claimed));

    [Fact]
    public void Legacy_office_file_keeps_its_claimed_type() =>
        Assert.Equal("application/vnd.ms-excel", ContentSniffer.Verify(CompoundFile, "old.xls", "application/vnd.ms-excel"));

    [Fact]
    public void Zip_with_an_unproven_claim_is_stored_as_zip() =>
        Assert.Equal("application/zip", ContentSniffer.Verify(Zip, "photos.zip", "application/x-zip-compressed"));

    [Theory]
    [InlineData("Text/HTML; charset=utf-8", "text/html")]
    [InlineData("image/heic", "image/heic")]
    [InlineData(null, "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    [InlineData("text/html\r\nX-Evil: 1", "application/octet-stream")]
    public void Content_no_signature_knows_keeps_its_claimed_type_if_it_is_one(string? claimed, string stored) =>
        Assert.Equal(stored, ContentSniffer.Verify(Text, "file", claimed));
}
