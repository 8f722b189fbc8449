using System.Text.Json;

namespace Kalinga.Web;

/// <summary>Enum values as the API spells them (snake_case words such as <c>on_hold</c>), for query strings.</summary>
public static class EnumWords
{
    public static T Parse<T>(string word, string field)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Word(value), word.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new RuleException(field, new LocalText("Adm3_Problem.UnknownValue", word, string.Join(", ", Enum.GetValues<T>().Select(Word))));
    }

    public static T? ParseOptional<T>(string? word, string field)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(word) ? null : Parse<T>(word, field);

    public static string Word<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
