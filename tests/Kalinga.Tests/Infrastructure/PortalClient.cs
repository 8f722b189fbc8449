using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Kalinga.Tests.Infrastructure;

/// <summary>
/// A customer's browser without JavaScript: it keeps cookies and posts the portal's forms as a browser would, with the
/// hidden fields (antiforgery token, form name) the page rendered.
/// </summary>
public sealed partial class PortalClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>A new browser-like client: follows redirects, keeps cookies, and fails a 500 with the server's logged errors.</summary>
    public static PortalClient For(KalingaApp app) =>
        new(app.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(), new ServerErrors(app.Errors)));

    public async Task<string> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }

    /// <summary>Fills in the form named <paramref name="handler"/> on <paramref name="url"/> and sends it; answers the page the post ends on.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string handler, IReadOnlyDictionary<string, string> fields, IReadOnlyList<(string Field, string Name, byte[] Content)>? files = null)
    {
        var page = await PageAsync(url);
        var form = FormNamed(page, handler) ?? throw new InvalidOperationException($"{url} has no form '{handler}'.");
        var values = Hidden().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }

        var action = ActionOf(form) ?? url;
        if (files is null)
        {
            return await Http.PostAsync(action, new FormUrlEncodedContent(values));
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (k, v) in values)
        {
            multipart.Add(new StringContent(v), k);
        }

        foreach (var (field, name, content) in files)
        {
            multipart.Add(new ByteArrayContent(content), field, name);
        }

        return await Http.PostAsync(action, multipart);
    }

    private static string? FormNamed(string page, string handler) =>
        FormBlock().Matches(page).Select(m => m.Value).FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{handler}\"", StringComparison.Ordinal)
            || (handler.StartsWith('/') && f.Contains($"action=\"{handler}\"", StringComparison.Ordinal)));

    private static string? ActionOf(string form) => Action().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormBlock();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("^<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex Action();
}
