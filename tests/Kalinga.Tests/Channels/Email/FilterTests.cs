using Kalinga.Channels.Email;

namespace Kalinga.Tests.Channels.Email;

public sealed class FilterTests
{
    private static readonly FilterContext Context = new(["support@helpdesk.test", "sales@helpdesk.test"], 50);

    private static readonly IInboundEmailFilter[] All = [new BounceFilter(), new LoopFilter(), new AutoReplyFilter()];

    private static List<FilterVerdict> Verdicts(ParsedMail mail) => [.. All.Select(f => f.Inspect(mail, Context)).OfType<FilterVerdict>()];

    [Fact]
    public void A_customer_message_passes_every_filter()
    {
        Assert.Empty(Verdicts(Samples.Parse("plain.eml")));
        Assert.Empty(Verdicts(Samples.Parse("html-reply.eml")));
    }

    [Fact]
    public void An_out_of_office_reply_is_kept_but_never_answered()
    {
        var verdict = Assert.Single(Verdicts(Samples.Parse("out-of-office.eml")));

        Assert.Equal(FilterAction.NoAutoResponse, verdict.Action);
        Assert.Contains("Auto-Submitted: auto-replied", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Precedence: bulk")]
    [InlineData("X-Autoreply: yes")]
    [InlineData("List-Id: <news.example.test>")]
    [InlineData("Subject: Risposta automatica: ordine")]
    [InlineData("Subject: Automatyczna odpowiedź: zamówienie")]
    [InlineData("From: noreply@shop.example.test")]
    public void Robots_and_lists_are_never_answered(string header)
    {
        var field = header.Split(':')[0];
        var raw = $"From: ana@example.test\r\nSubject: Hello\r\nMessage-ID: <r@example.test>\r\n"
            .Replace($"{field}: ", "X-Replaced-" + field + ": ", StringComparison.Ordinal) + header + "\r\n\r\nHi\r\n";

        var verdict = new AutoReplyFilter().Inspect(new MailParser().Parse(System.Text.Encoding.UTF8.GetBytes(raw)), Context);

        Assert.Equal(FilterAction.NoAutoResponse, verdict?.Action);
    }

    [Fact]
    public void A_delivery_failure_report_names_the_failed_reply_and_address()
    {
        var verdict = new BounceFilter().Inspect(Samples.Parse("bounce.eml", ("{{original}}", "<k1000.sent@helpdesk.test>")), Context);

        Assert.Equal(FilterAction.Bounce, verdict?.Action);
        Assert.Equal("gone@example.test", verdict!.FailedRecipient);
        Assert.Contains("<k1000.sent@helpdesk.test>", verdict.OriginalMessageIds);
        Assert.Contains("5.1.1", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Our_own_loop_header_our_own_address_and_too_many_hops_stop_a_loop()
    {
        var filter = new LoopFilter();
        var ownSender = System.Text.Encoding.UTF8.GetBytes("From: Support <support+id1000@helpdesk.test>\r\nSubject: x\r\n\r\nx\r\n");
        var hops = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Received: from a by b; Mon, 2 Mar 2026 08:00:00 +0000\r\n", 51)) + "From: a@example.test\r\nSubject: x\r\n\r\nx\r\n");

        Assert.Equal(FilterAction.StopLoop, filter.Inspect(Samples.Parse("loop.eml"), Context)?.Action);
        Assert.Equal(FilterAction.StopLoop, filter.Inspect(new MailParser().Parse(ownSender), Context)?.Action);
        Assert.Equal(FilterAction.StopLoop, filter.Inspect(new MailParser().Parse(hops), Context)?.Action);
        Assert.Null(filter.Inspect(Samples.Parse("plain.eml"), Context));
    }
}
