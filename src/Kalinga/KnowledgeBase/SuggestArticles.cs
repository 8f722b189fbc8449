using Kalinga.Channels.Web;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Search;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// An article an agent can put into a reply: as a link (<c>Url</c>, a path on the help center; <c>PublicUrl</c>, the
/// address customers open) or as its text (<c>Text</c>, the Markdown; <c>ReplyText</c>, plain text with full links).
/// <c>Language</c> is the ticket's, unless the article has no translation in it yet. Internal articles have no
/// <c>PublicUrl</c> nor <c>ReplyText</c>: they are for the agent's own reading, never for a customer.
/// </summary>
public sealed record ArticleSuggestion(
    string Key, string Language, string Title, string Summary, string SnippetHtml, string Url, string Text, bool Internal,
    string? PublicUrl, string? ReplyText);

/// <summary>
/// Articles that match a text in one language, ranked: for the request form while a customer types, and for agents
/// replying to a ticket (its subject and the customer's latest messages, in the ticket's language).
/// </summary>
public sealed class SuggestArticles(KalingaDb db, SearchArticles search, IOptions<PortalOptions> portal)
{
    private const int CustomerMessages = 3;

    public async Task<IReadOnlyList<ArticleMatch>> ForTextAsync(string text, string? language, int limit, CancellationToken ct) =>
        (await search.FindAsync(SearchQuery.AnyOf(text ?? "", CommonWords.All), text ?? "", language, includeInternal: false, limit, ct)).Items;

    /// <summary>
    /// Articles for a ticket: matching what the customer wrote, or, when the agent types <paramref name="query"/>,
    /// matching all of its words.
    /// </summary>
    public async Task<IReadOnlyList<ArticleSuggestion>?> ForTicketAsync(long number, string? query, int limit, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Number == number).Select(t => new { t.Id, t.Subject, t.Language }).SingleOrDefaultAsync(ct);
        if (ticket is null)
        {
            return null;
        }

        string text;
        SearchQuery words;
        if (string.IsNullOrWhiteSpace(query))
        {
            var said = await db.Messages.AsNoTracking()
                .Where(m => m.TicketId == ticket.Id && m.Direction == MessageDirection.In)
                .OrderByDescending(m => m.Id).Take(CustomerMessages).Select(m => m.Text).ToListAsync(ct);
            text = ticket.Subject + "\n" + string.Join('\n', said);
            words = SearchQuery.AnyOf(text, CommonWords.All);
        }
        else
        {
            text = query;
            words = SearchQuery.Parse(query);
        }

        var language = Languages.Normalize(ticket.Language) ?? Languages.Default;
        var matches = (await search.FindAsync(words, text, language, includeInternal: true, limit, ct)).Items;
        if (matches.Count == 0 && language != Languages.Default)
        {
            // Better an English article the agent can summarise than nothing while translations are being written.
            language = Languages.Default;
            matches = (await search.FindAsync(words, text, language, includeInternal: true, limit, ct)).Items;
        }

        var keys = matches.Select(m => m.Key).ToList();
        var bodies = await db.ArticleTranslations.AsNoTracking()
            .Where(t => t.Language == language && db.Articles.Any(a => a.Id == t.ArticleId && keys.Contains(a.Key)))
            .Select(t => new { Key = db.Articles.Where(a => a.Id == t.ArticleId).Select(a => a.Key).First(), t.Body })
            .ToDictionaryAsync(t => t.Key, t => t.Body, ct);
        var baseUrl = portal.Value.PublicUrl.TrimEnd('/');
        return [.. matches.Select(m =>
        {
            var path = $"/kb/{m.Language}/articles/{m.Key}";
            var body = bodies.GetValueOrDefault(m.Key, m.Summary);
            return new ArticleSuggestion(
                m.Key, m.Language, m.Title, m.Summary, m.SnippetHtml, path, body, m.Internal,
                m.Internal ? null : baseUrl + path, m.Internal ? null : ArticleReplyText.From(body, m.Language, baseUrl));
        })];
    }
}
