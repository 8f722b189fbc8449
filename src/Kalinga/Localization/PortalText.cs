using System.Globalization;
using Kalinga.Localization.Resources;

namespace Kalinga.Localization;

/// <summary>Portal and e-mail text in one of the four languages; English when a language lacks a key.</summary>
public static class PortalText
{
    public static string Get(string key, string? language) => Lookup(key, Localized.Culture(language));

    /// <summary>In the request's UI language.</summary>
    public static string Get(string key) => Lookup(key, CultureInfo.CurrentUICulture);

    public static string Format(string key, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), values);

    private static string Lookup(string key, CultureInfo culture) =>
        Portal.ResourceManager.GetString(key, culture) ?? throw new InvalidOperationException($"Portal.resx has no '{key}'.");
}
