namespace Kalinga.Channels.Email;

/// <summary>What a filter decided about one inbound e-mail.</summary>
public enum FilterAction
{
    /// <summary>Store it as usual, but never answer it automatically (no receipt).</summary>
    NoAutoResponse,

    /// <summary>Stop it: answering would feed a mail loop.</summary>
    StopLoop,

    /// <summary>A delivery failure report about one of our replies.</summary>
    Bounce,
}

public sealed record FilterVerdict(FilterAction Action, string Reason)
{
    /// <summary>For a bounce: Message-IDs that may name the reply that failed.</summary>
    public IReadOnlyList<string> OriginalMessageIds { get; init; } = [];

    /// <summary>For a bounce: the address that could not be reached.</summary>
    public string? FailedRecipient { get; init; }
}

/// <summary>Facts about the installation that filters need besides the message itself.</summary>
public sealed record FilterContext(IReadOnlyCollection<string> OwnAddresses, int MaxReceivedHops);

/// <summary>
/// One small rule looking at an inbound e-mail before it reaches a ticket (bounce, loop, auto-reply …). Filters only
/// decide; the intake acts on the verdicts, so each filter can be tested on a real .eml without a database.
/// </summary>
public interface IInboundEmailFilter
{
    /// <summary>A verdict, or null to let the message through untouched.</summary>
    FilterVerdict? Inspect(ParsedMail mail, FilterContext context);
}
