using Kalinga.Localization;

namespace Kalinga.Web.Portal;

/// <summary>Addresses of help-center pages. The language is part of each, so every translation has its own URL.</summary>
public static class HelpCenterUrls
{
    public static string Home(string language) => $"/kb/{language}";

    public static string Category(string language, string key) => $"/kb/{language}/categories/{key}";

    public static string Article(string language, string key) => $"/kb/{language}/articles/{key}";

    public static string Search(string language, string? query = null) =>
        $"/kb/{language}/search" + (query is null ? "" : "?q=" + Uri.EscapeDataString(query));

    /// <summary>The same page in another language: a help-center path gets the new language; other pages keep their path.</summary>
    public static string InLanguage(string localPath, string language)
    {
        var parts = localPath.Split('/', 4);
        return parts.Length >= 3 && parts[1] == "kb" && Languages.IsSupported(parts[2].Split('?')[0])
            ? string.Join('/', [.. parts[..2], language + parts[2][parts[2].Split('?')[0].Length..], .. parts[3..]])
            : localPath;
    }
}
