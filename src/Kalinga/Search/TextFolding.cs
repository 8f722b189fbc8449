using System.Globalization;
using System.Text;

namespace Kalinga.Search;

/// <summary>
/// Folds text for search the same way on every engine: lower case, accents removed, and the Latin letters
/// that carry no decomposable accent mapped by hand (Polish ł, German ß, Nordic ø…), so that
/// "zamowienie" finds "Zamówienie" and "lodz" finds "Łódź".
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'ł' or 'Ł':
                    builder.Append('l');
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                case 'ø' or 'Ø':
                    builder.Append('o');
                    break;
                case 'đ' or 'Đ':
                    builder.Append('d');
                    break;
                case 'æ' or 'Æ':
                    builder.Append("ae");
                    break;
                case 'œ' or 'Œ':
                    builder.Append("oe");
                    break;
                case 'ı':
                    builder.Append('i');
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The words of the text, folded and joined by spaces: what both engines index. Handing them plain words keeps
    /// PostgreSQL's parser from reading "LH-204913" or an e-mail address differently from SQLite's tokenizer.
    /// </summary>
    public static string ForIndex(string text) => string.Join(' ', Words(text));

    /// <summary>Splits folded text into the words both engines index: runs of letters and digits.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }
}
