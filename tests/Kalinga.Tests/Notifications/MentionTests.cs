using Kalinga.Notifications;

namespace Kalinga.Tests.Notifications;

public sealed class MentionTests
{
    private static readonly Mentions.Candidate[] Agents =
    [
        new(1, "Katarzyna Wiśniewska", "kasia@lumenhome.test"),
        new(2, "Jose Dela Cruz", "jose@lumenhome.test"),
        new(3, "Emma Clarke", "emma@lumenhome.test"),
    ];

    [Theory]
    [InlineData("@kasia can you check?", new long[] { 1 })]
    [InlineData("Ask @Wisniewska and @JOSE.", new long[] { 1, 2 })]
    [InlineData("(@emma.clarke) knows", new long[] { 3 })]
    [InlineData("cc @katarzyna, @nobody", new long[] { 1 })]
    public void Mentions_match_the_mail_name_first_or_last_name_ignoring_accents_and_case(string text, long[] expected) =>
        Assert.Equal(expected, Mentions.Find(text, Agents).Order());

    [Fact]
    public void An_e_mail_address_in_a_note_is_not_a_mention() =>
        Assert.Empty(Mentions.Find("The customer wrote from emma@example.test", Agents));
}
