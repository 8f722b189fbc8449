using Microsoft.AspNetCore.Localization;

namespace Kalinga.Localization;

/// <summary>
/// Help-center pages carry their language in the path (<c>/kb/pl/articles/…</c>) so that each language has its own
/// address for search engines (hreflang, canonical). That language wins over every other choice.
/// </summary>
public sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var segments = httpContext.Request.Path.Value?.Split('/', 4, StringSplitOptions.RemoveEmptyEntries);
        var language = segments is [ "kb", var code, ..] && Languages.IsSupported(code) ? code : null;
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }
}
