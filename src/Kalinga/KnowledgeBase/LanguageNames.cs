namespace Kalinga.KnowledgeBase;

/// <summary>Each language by its own name, as a language switcher shows it: a Pole looks for "Polski", not "Polish".</summary>
public static class LanguageNames
{
    public static string Native(string code) => code switch
    {
        "en" => "English",
        "fil" => "Filipino",
        "pl" => "Polski",
        "it" => "Italiano",
        _ => code,
    };
}
