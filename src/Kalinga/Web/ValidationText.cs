using System.Globalization;
using System.Text.RegularExpressions;
using Kalinga.Localization;

namespace Kalinga.Web;

/// <summary>
/// The request-shape checks ([Required], [StringLength], [MinLength], [MaxLength] on API bodies) run before a use case
/// and are worded by System.ComponentModel.DataAnnotations, in English only and naming the C# property. This says them
/// in Kalinga's words and the request's language instead; the field stays the key of <c>errors</c>. A message it does
/// not recognise (a refusal Kalinga already worded, or another attribute's) is left as it is.
/// </summary>
public static partial class ValidationText
{
    public static string Localize(string message)
    {
        if (Required().IsMatch(message))
        {
            return Localized.Text("Loc4_Validation.Required");
        }

        if (LengthBetween().Match(message) is { Success: true } between)
        {
            return Say("Loc4_Validation.LengthBetween", between.Groups["min"].Value, between.Groups["max"].Value);
        }

        if (MaxText().Match(message) is { Success: true } maxText)
        {
            return Say("Loc4_Validation.MaxLength", maxText.Groups["max"].Value);
        }

        if (MinItems().Match(message) is { Success: true } min)
        {
            return Say("Loc4_Validation.MinItems", min.Groups["min"].Value);
        }

        return MaxItems().Match(message) is { Success: true } max ? Say("Loc4_Validation.MaxItems", max.Groups["max"].Value) : message;
    }

    /// <summary>The numbers are parsed back so that each language writes them its own way.</summary>
    private static string Say(string key, params string[] numbers) =>
        new LocalText(key, [.. numbers.Select(n => (object?)int.Parse(n, CultureInfo.InvariantCulture))]).Localized();

    [GeneratedRegex(@"^The \S+ field is required\.$")]
    private static partial Regex Required();

    [GeneratedRegex(@"^The field \S+ must be a string with a minimum length of (?<min>\d+) and a maximum length of (?<max>\d+)\.$")]
    private static partial Regex LengthBetween();

    [GeneratedRegex(@"^The field \S+ must be a string with a maximum length of (?<max>\d+)\.$")]
    private static partial Regex MaxText();

    [GeneratedRegex(@"^The field \S+ must be a string or array type with a minimum length of '(?<min>\d+)'\.$")]
    private static partial Regex MinItems();

    [GeneratedRegex(@"^The field \S+ must be a string or array type with a maximum length of '(?<max>\d+)'\.$")]
    private static partial Regex MaxItems();
}
