namespace Kalinga.Localization;

/// <summary>The languages Kalinga speaks, as short codes: English, Filipino, Polish, Italian.</summary>
public static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "fil", "pl", "it"];

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);

    /// <summary>Maps "pl-PL", "tl" (Tagalog, the basis of Filipino) or "IT" to a supported code, or null.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var primary = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary == "tl" ? "fil" : IsSupported(primary) ? primary : null;
    }
}
