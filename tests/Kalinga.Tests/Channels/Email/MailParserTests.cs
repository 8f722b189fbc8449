using Kalinga.Channels.Email;

namespace Kalinga.Tests.Channels.Email;

public sealed class MailParserTests
{
    [Fact]
    public void A_plain_message_gives_sender_recipients_and_text()
    {
        var mail = Samples.Parse("plain.eml");

        Assert.Equal("ana.reyes@example.test", mail.FromAddress);
        Assert.Equal("Ana Reyes", mail.FromName);
        Assert.Equal("<plain-1@example.test>", mail.MessageId);
        Assert.Equal("Washing machine leaks", mail.Subject);
        Assert.Equal(["jose@example.test", "support@helpdesk.test"], mail.Cc);
        Assert.StartsWith("Hello,\n\nmy washing machine leaks", mail.Text, StringComparison.Ordinal);
        Assert.Null(mail.Html);
    }

    [Fact]
    public void Html_mail_links_inline_images_blocks_remote_ones_and_folds_the_quote()
    {
        var mail = Samples.Parse("html-reply.eml");

        var photo = Assert.Single(mail.Files);
        Assert.Equal(("photo.png", "image/png", "photo1@example.test"), (photo.FileName, photo.ContentType, photo.ContentId));
        Assert.Contains($"src=\"/api/v1/email/inline/{photo.Sha256}\"", mail.Html, StringComparison.Ordinal);
        Assert.Equal(["https://tracker.example.net/open.gif?u=ana"], mail.RemoteImages);
        Assert.DoesNotContain("tracker.example.net", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<details title=\"Quoted text\"><summary>…</summary><div class=\"gmail_quote\">", mail.Html, StringComparison.Ordinal);
        Assert.Equal("Thanks, the new hose arrived. Photo attached.", mail.UnquotedText);
        Assert.Contains("> A new hose is on its way.", mail.Text, StringComparison.Ordinal);
        Assert.Equal("<k1000.abc@helpdesk.test>", mail.InReplyTo);
        Assert.Equal(["<plain-1@example.test>", "<k1000.abc@helpdesk.test>"], mail.References);
    }

    [Fact]
    public void Utf8_text_labelled_as_latin1_is_read_as_utf8()
    {
        Assert.Contains("moje zamówienie łóżka nie dotarło", Samples.Parse("mislabelled-charset.eml").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Eight_bit_text_without_a_charset_is_read_as_windows_1252()
    {
        Assert.Equal("Perché il mio ordine non è arrivato? Costo: 20€", Samples.Parse("windows-1252-no-charset.eml").Text);
    }

    [Fact]
    public void Encoded_words_in_headers_are_decoded()
    {
        var mail = Samples.Parse("encoded-headers.eml");

        Assert.Equal("José Dela Cruz", mail.FromName);
        Assert.Equal("Hindi pa dumating ang order ko — salamat", mail.Subject);
    }

    [Fact]
    public void A_forwarded_message_is_kept_whole_as_an_eml_attachment()
    {
        var mail = Samples.Parse("forwarded.eml");

        var forwarded = Assert.Single(mail.Files);
        Assert.Equal(("Your invoice.eml", "message/rfc822"), (forwarded.FileName, forwarded.ContentType));
        Assert.Contains("Amount due: 999 EUR", System.Text.Encoding.UTF8.GetString(forwarded.Content), StringComparison.Ordinal);
        Assert.Equal("See the invoice below, the amount is wrong.", mail.Text);
    }

    [Theory]
    [InlineData("no-sender.eml", "no sender")]
    public void Mail_without_a_usable_sender_is_rejected_with_a_reason(string sample, string reason)
    {
        var e = Assert.Throws<MailRejectedException>(() => Samples.Parse(sample));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_and_outlook_msg_files_are_rejected_with_a_reason()
    {
        var parser = new MailParser();

        Assert.Contains("empty", Assert.Throws<MailRejectedException>(() => parser.Parse("\r\n\r\n"u8.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains("Outlook .msg", Assert.Throws<MailRejectedException>(() => parser.Parse([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_without_message_id_gets_one_derived_from_its_bytes()
    {
        var raw = "From: a@example.test\r\nSubject: x\r\n\r\nbody\r\n"u8.ToArray();

        var first = new MailParser().Parse(raw).MessageId;

        Assert.EndsWith("@no-message-id.kalinga.invalid>", first, StringComparison.Ordinal);
        Assert.Equal(first, new MailParser().Parse(raw).MessageId);
    }

    [Fact]
    public void Absurdly_deep_html_is_reduced_to_text_instead_of_crashing_the_worker()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 50_000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 50_000));
        var raw = System.Text.Encoding.UTF8.GetBytes($"From: a@example.test\r\nSubject: deep\r\nContent-Type: text/html\r\n\r\n{html}\r\n");

        var mail = new MailParser().Parse(raw);

        Assert.Null(mail.Html);
        Assert.Equal("deep text", mail.Text.Trim());
    }
}
