using System.Text;
using System.Xml;
using Kalinga.Attachments;
using Kalinga.Data;
using Kalinga.KnowledgeBase;
using Kalinga.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Web.Portal;

/// <summary>The public help center's endpoints that are not pages.</summary>
public static class HelpCenterEndpoints
{
    public static void MapHelpCenterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Help center").AllowAnonymous();
        group.MapGet("/kb", () => TypedResults.Redirect($"/kb/{PortalSession.Language}")).ExcludeFromDescription();
        group.MapGet("/kb/files/{name}", FileAsync).WithSummary("A help-center guide or image, in the reader's language when there is one");
        group.MapGet("/kb/suggest", SuggestAsync).WithSummary("Articles matching what a customer is typing into the request form");
        group.MapGet("/sitemap.xml", SitemapAsync).ExcludeFromDescription();
        group.MapGet("/robots.txt", (HttpRequest request) => TypedResults.Text(
            $"User-agent: *\nDisallow: /agent\nDisallow: /api\nDisallow: /requests\nSitemap: {BaseOf(request)}/sitemap.xml\n")).ExcludeFromDescription();
        group.MapGet("/culture", ChooseLanguage).ExcludeFromDescription();
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> FileAsync(string name, KalingaDb db, IBlobStore blobs, HttpResponse response, CancellationToken ct, string? lang = null)
    {
        var wanted = Languages.Normalize(lang) ?? PortalSession.Language;
        var candidates = await db.KbFiles.AsNoTracking().Where(f => f.Name == name).ToListAsync(ct);
        var file = candidates.OrderBy(f => f.Language is null ? 1 : BrowseHelpCenter.Preference(f.Language, wanted) * 2).FirstOrDefault();
        if (file is null || await blobs.OpenReadAsync(file.Sha256, ct) is not { } content)
        {
            return TypedResults.NotFound();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "public, max-age=3600";
        var isImage = file.ContentType.StartsWith("image/", StringComparison.Ordinal);
        return TypedResults.Stream(content, file.ContentType, isImage ? null : file.Name,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<Ok<IReadOnlyList<Suggestion>>> SuggestAsync(SuggestArticles suggest, CancellationToken ct, string? q = null, string? lang = null)
    {
        var language = Languages.Normalize(lang) ?? PortalSession.Language;
        var matches = await suggest.ForTextAsync((q ?? "").Length <= 2000 ? q ?? "" : q![..2000], language, 5, ct);
        return TypedResults.Ok<IReadOnlyList<Suggestion>>([.. matches.Select(m => new Suggestion(m.Key, m.Title, m.TitleHtml, m.SnippetHtml, HelpCenterUrls.Article(m.Language, m.Key)))]);
    }

    /// <summary>Every public article in every language it has, each listing its translations as alternates (hreflang).</summary>
    private static async Task<ContentHttpResult> SitemapAsync(HttpRequest request, BrowseHelpCenter browse, CancellationToken ct)
    {
        var root = BaseOf(request);
        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            writer.WriteAttributeString("xmlns", "xhtml", null, "http://www.w3.org/1999/xhtml");
            foreach (var language in Languages.Supported)
            {
                Url(writer, root + "/kb/" + language, null, []);
            }

            foreach (var (key, languages, changed) in await browse.SitemapAsync(ct))
            {
                foreach (var language in languages)
                {
                    Url(writer, root + HelpCenterUrls.Article(language, key), changed, [.. languages.Select(l => (l, root + HelpCenterUrls.Article(l, key)))]);
                }
            }

            writer.WriteEndElement();
        }

        return TypedResults.Content(xml.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }

    private static void Url(XmlWriter writer, string location, DateTime? changed, IReadOnlyList<(string Language, string Href)> alternates)
    {
        writer.WriteStartElement("url");
        writer.WriteElementString("loc", location);
        if (changed is { } at)
        {
            writer.WriteElementString("lastmod", at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (language, href) in alternates)
        {
            writer.WriteStartElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
            writer.WriteAttributeString("rel", "alternate");
            writer.WriteAttributeString("hreflang", language);
            writer.WriteAttributeString("href", href);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>Remembers the reader's language in the culture cookie and goes back, to the same help-center page in that language.</summary>
    private static RedirectHttpResult ChooseLanguage(HttpContext context, string? set = null, string? returnUrl = null)
    {
        var language = Languages.Normalize(set) ?? Languages.Default;
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        var target = Customers.Auth.RequestSignInLink.IsLocal(returnUrl) ? returnUrl! : "/";
        return TypedResults.LocalRedirect(HelpCenterUrls.InLanguage(target, language));
    }

    private static string BaseOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public sealed record Suggestion(string Key, string Title, string TitleHtml, string SnippetHtml, string Url);
}
