using Kalinga.KnowledgeBase;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Infrastructure;

/// <summary>A small help center written for the tests: two public categories and an internal one, articles in the four languages.</summary>
public static class HelpCenterSamples
{
    public static readonly IReadOnlyList<CategoryDefinition> Structure =
    [
        new("returns", Titles("Returns", "Pagbabalik", "Zwroty", "Resi"), null,
            [new("sending-back", Titles("Sending items back", "Pagbabalik ng item", "Odsyłanie towaru", "Restituire i prodotti"), ["return-an-item", "refund-times"])]),
        new("technical", Titles("Technical help", "Tulong teknikal", "Pomoc techniczna", "Assistenza tecnica"), null,
            [new("washing-machines", Titles("Washing machines", "Washing machine", "Pralki", "Lavatrici"), ["error-codes"])]),
        new("internal", Titles("Internal", "Panloob", "Wewnętrzne", "Interno"), null,
            [new("bulletins", Titles("Bulletins", "Bulletin", "Komunikaty", "Comunicazioni"), ["new-model-bulletin"])], Internal: true),
    ];

    public static readonly IReadOnlyList<ArticleDocument> Articles =
    [
        Doc("return-an-item", "returns", "en", "How to return an item", "Return any item within 30 days.",
            "## Steps\n\n1. Open a return request in the portal.\n2. Pack the washing machine or parcel.\n3. Drop it off at the office.\n\n![video](https://www.youtube-nocookie.com/embed/lumen-return)"),
        Doc("return-an-item", "returns", "pl", "Jak zwrócić produkt", "Zwrot jest możliwy w ciągu 30 dni.",
            "## Kroki\n\n1. Zgłoś zwrot w portalu.\n2. Zapakuj pralkę lub paczkę.\n3. Nadaj paczkę w Łodzi albo w innym biurze."),
        Doc("return-an-item", "returns", "it", "Come restituire un prodotto", "Puoi restituire un prodotto entro 30 giorni.",
            "## Passaggi\n\n1. Apri una richiesta di reso nel portale.\n2. Imballa la lavatrice.\n3. Consegnala in negozio."),
        Doc("return-an-item", "returns", "fil", "Paano magbalik ng item", "Puwedeng ibalik ang item sa loob ng 30 araw.",
            "## Mga hakbang\n\n1. Magbukas ng return request sa portal.\n2. I-empake ang washing machine.\n3. Dalhin sa opisina."),
        Doc("refund-times", "returns", "en", "When refunds arrive", "Card refunds take 3 to 5 working days.",
            "Refunds to a card take **3 to 5 working days** after we receive the returned item."),
        Doc("error-codes", "technical", "en", "AquaWash error codes", "What the codes E01 to E09 mean.",
            "| Code | Meaning |\n|---|---|\n| E01 | Door not locked |\n| E03 | Water not draining |\n\n[Download the PDF guide](/kb/files/error-codes.pdf)\n\n<script>alert(1)</script>"),
        Doc("error-codes", "technical", "pl", "Kody błędów pralki AquaWash", "Co oznaczają kody E01–E09.",
            "| Kod | Znaczenie |\n|---|---|\n| E01 | Drzwiczki nie są zablokowane |\n| E03 | Woda nie odpływa |"),
        Doc("new-model-bulletin", "internal", "en", "AquaWash Pro launch", "What agents need to know about the AquaWash Pro.",
            "The AquaWash Pro 10kg launches on Monday. The first batch has a known door seal issue.", isInternal: true, mustRead: true),
    ];

    public static async Task<ImportReport> LoadAsync(KalingaApp app) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<ImportHelpCenter>().HandleAsync(Structure, Articles, CancellationToken.None));

    private static Dictionary<string, string> Titles(string en, string fil, string pl, string it) => new() { ["en"] = en, ["fil"] = fil, ["pl"] = pl, ["it"] = it };

    private static ArticleDocument Doc(string key, string category, string language, string title, string summary, string body, bool isInternal = false, bool mustRead = false) =>
        ArticleDocument.Parse(
            $"---\nkey: {key}\ncategory: {category}\ntitle: {title}\nsummary: {summary}\ntags: [test, {category}]\ninternal: {isInternal.ToString().ToLowerInvariant()}\nmustRead: {mustRead.ToString().ToLowerInvariant()}\n---\n{body}\n",
            language, $"{language}/{key}.md");
}
