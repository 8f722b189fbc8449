using System.Globalization;

namespace Kalinga;

/// <summary>
/// A request that breaks a business rule; answered as 400 problem details naming <see cref="Field"/>. Thrown with a
/// <see cref="LocalText"/>, its message is said in the reader's language (<see cref="Localized"/>); <see cref="Exception.Message"/>
/// stays English for logs.
/// </summary>
public sealed class RuleException : Exception
{
    public RuleException(string field, string message)
        : base(message) => Field = field;

    public RuleException(string field, LocalText text)
        : base(text.In(CultureInfo.InvariantCulture)) => (Field, Text) = (field, text);

    public string Field { get; }

    public LocalText? Text { get; }

    /// <summary>The message in the current UI language (the request's or the agent's).</summary>
    public string Localized() => Text?.In(CultureInfo.CurrentUICulture) ?? Message;
}
