using Kalinga.Channels.Email;

namespace Kalinga.Tests.Channels.Email;

public sealed class ThreadingTokenTests
{
    [Theory]
    [InlineData("Washing machine leaks", "Re: Washing machine leaks [#1042]")]
    [InlineData("RE: Fwd: Odp: Washing machine leaks [#1042]", "Re: Washing machine leaks [#1042]")]
    [InlineData("R: I: Lavatrice [#77]", "Re: Lavatrice [#1042]")]
    public void A_reply_subject_carries_one_prefix_and_one_token(string subject, string expected) =>
        Assert.Equal(expected, TicketToken.ReplySubject(subject, 1042));

    [Theory]
    [InlineData("Re: Washing machine leaks [#1042]", 1042L)]
    [InlineData("Odp: [#7] pralka", 7L)]
    [InlineData("Order #1042 is late", null)]
    public void The_ticket_number_is_read_from_the_token_only(string subject, long? expected) =>
        Assert.Equal(expected, TicketToken.FromSubject(subject));

    [Fact]
    public void The_reply_address_token_leads_back_to_the_ticket_only_for_our_mailboxes()
    {
        var address = ReplyAddress.For("support@helpdesk.test", 1042);

        Assert.Equal("support+id1042@helpdesk.test", address);
        Assert.Equal(1042, ReplyAddress.Find(["ana@example.test", address], ["support@helpdesk.test"]));
        Assert.Null(ReplyAddress.Find(["other+id1042@helpdesk.test"], ["support@helpdesk.test"]));
        Assert.Equal("support@helpdesk.test", ReplyAddress.Untagged(address));
    }

    [Theory]
    [InlineData("Thanks!\n\nOn Mon, 2 Mar 2026 at 09:30, Lumen Support <support@helpdesk.test> wrote:\n> old", "Thanks!")]
    [InlineData("Thanks!\nOn Mon, 2 Mar 2026 at 09:30, Lumen Support <support@helpdesk.test>\nwrote:\n> old", "Thanks!")]
    [InlineData("Dziękuję.\n\nW dniu 2.03.2026 o 09:30 Lumen Support <support@helpdesk.test> napisał(a):\n> stare", "Dziękuję.")]
    [InlineData("Grazie.\n\nIl giorno lun 2 mar 2026 alle ore 09:30 Lumen <support@helpdesk.test> ha scritto:\n> vecchio", "Grazie.")]
    [InlineData("Salamat po.\n\nNoong Lun, Mar 2, 2026 nang 9:30 AM, si Lumen <support@helpdesk.test> ay sumulat:\n> luma", "Salamat po.")]
    [InlineData("See you.\n\n-- \nAna Reyes\nLumen fan", "See you.")]
    [InlineData("Ok.\n\nSent from my iPhone", "Ok.")]
    [InlineData("Yes.\n\n________________________________\nFrom: Lumen Support\nSent: Monday\nSubject: x", "Yes.")]
    [InlineData("Ok.\n\n-----Original Message-----\nFrom: x", "Ok.")]
    public void Quoted_history_and_signatures_are_found_in_every_language(string text, string unquoted) =>
        Assert.Equal(unquoted, QuotedText.Unquoted(text));

    [Theory]
    [InlineData("Answer inline:\n> question one\nmy answer one\n> question two\nmy answer two")]
    [InlineData("> only a quote")]
    [InlineData("Just one paragraph.")]
    public void Inline_answers_and_unquoted_text_are_not_folded(string text) =>
        Assert.Null(QuotedText.Unquoted(text));
}
