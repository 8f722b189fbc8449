using System.Globalization;

namespace Kalinga;

/// <summary>
/// A request that clashes with what is already stored (an address another customer holds, a taken e-mail,
/// team name, code or domain); answered as 409 problem details naming <see cref="Field"/>, in the reader's language
/// when thrown with a <see cref="LocalText"/>.
/// </summary>
public sealed class ConflictException : Exception
{
    public ConflictException(string field, string message)
        : base(message) => Field = field;

    public ConflictException(string field, LocalText text)
        : base(text.In(CultureInfo.InvariantCulture)) => (Field, Text) = (field, text);

    public string Field { get; }

    public LocalText? Text { get; }

    /// <summary>The message in the current UI language (the request's or the agent's).</summary>
    public string Localized() => Text?.In(CultureInfo.CurrentUICulture) ?? Message;
}
