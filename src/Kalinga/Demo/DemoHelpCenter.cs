using System.Text.Json;
using System.Text.RegularExpressions;
using Kalinga.KnowledgeBase;
using Kalinga.Localization;

namespace Kalinga.Demo;

/// <summary>
/// The demo help center: <c>Demo/Data/kb/categories.json</c> and one Markdown file per article and language under
/// <c>Demo/Data/kb/{language}/</c>, embedded in the build. Every <c>/kb/files/{name}.pdf</c> an article links to is
/// written as a printable PDF of that article in its language.
/// </summary>
public sealed partial class DemoHelpCenter(ImportHelpCenter import, StoreKbFile files)
{
    private const string Prefix = "Kalinga.Demo.kb/";

    public async Task<ImportReport> LoadAsync(CancellationToken ct)
    {
        var assembly = typeof(DemoHelpCenter).Assembly;
        List<CategoryDefinition> structure;
        await using (var json = assembly.GetManifestResourceStream(Prefix + "categories.json")
            ?? throw new InvalidOperationException("The demo help center's categories.json is not embedded in the build."))
        {
            structure = await JsonSerializer.DeserializeAsync<List<CategoryDefinition>>(json, JsonSerializerOptions.Web, ct) ?? [];
        }

        var documents = new List<ArticleDocument>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)).Order())
        {
            var path = name[Prefix.Length..].Split('/', '\\');
            if (path.Length != 2 || !Languages.IsSupported(path[0]))
            {
                continue;
            }

            await using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var document = ArticleDocument.Parse(await reader.ReadToEndAsync(ct), path[0], name[Prefix.Length..]);
            documents.Add(document.Key == Path.GetFileNameWithoutExtension(path[1])
                ? document
                : throw new FormatException($"{name}: the key '{document.Key}' does not match the file name."));
        }

        var report = await import.HandleAsync(structure, documents, ct);
        foreach (var document in documents)
        {
            foreach (Match link in PdfLink().Matches(document.Body))
            {
                var pdf = PdfGuide.Write(document.Title, [document.Summary, .. PlainLines(document.Body)]);
                await files.HandleAsync(link.Groups[1].Value, document.Language, "application/pdf", new MemoryStream(pdf), ct);
            }
        }

        return report;
    }

    /// <summary>The article as printable lines: Markdown marks dropped, table rows as "cell — cell", links as their text.</summary>
    private static IEnumerable<string> PlainLines(string markdown) =>
        markdown.ReplaceLineEndings("\n").Split('\n')
            .Where(l => !l.Contains("](/kb/files/", StringComparison.Ordinal) && !l.StartsWith("![", StringComparison.Ordinal) && !TableRule().IsMatch(l))
            .Select(l => MarkdownLink().Replace(l, "$1"))
            .Select(l => l.StartsWith('|') ? string.Join(" — ", l.Trim('|').Split('|').Select(c => c.Trim())) : l)
            .Select(l => l.Replace("**", "", StringComparison.Ordinal).TrimStart('#', ' '))
            .Where(l => l.Trim().Length > 0);

    [GeneratedRegex(@"\]\(/kb/files/([a-z0-9-]+\.pdf)\)")]
    private static partial Regex PdfLink();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^\|?\s*:?-{3,}")]
    private static partial Regex TableRule();
}
