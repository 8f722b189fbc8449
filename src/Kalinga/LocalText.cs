using System.Globalization;
using Kalinga.Localization.Resources;

namespace Kalinga;

/// <summary>
/// A message kept as a key of <c>Strings.resx</c> and its arguments, so that it can be said in the reader's language:
/// a use case refuses input once, and the API (through the request's culture) and the agent pages (through the agent's
/// language) each word the refusal for whoever reads it.
/// </summary>
public sealed class LocalText(string key, params object?[] args)
{
    public string Key { get; } = key;

    public IReadOnlyList<object?> Args { get; } = args;

    /// <summary>The text in <paramref name="culture"/>; English when that language lacks the key. An argument that is itself a
    /// <see cref="LocalText"/> is said in the same language.</summary>
    public string In(CultureInfo culture) =>
        string.Format(culture, Strings.ResourceManager.GetString(Key, culture) ?? Key, [.. Args.Select(a => a is LocalText text ? text.In(culture) : a)]);

    /// <summary>The text in the current UI language (the request's or the agent's).</summary>
    public string Localized() => In(CultureInfo.CurrentUICulture);

    public override string ToString() => In(CultureInfo.InvariantCulture);
}
