using System.Net.Http.Headers;
using System.Text;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// One request of a scenario, sent before the load: a scenario that would measure 401s or 404s fails here, with the
/// server's answer, instead of producing a fast and meaningless figure.
/// </summary>
public static class Probe
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<string> GetAsync(Uri baseAddress, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, path));
        return await SendAsync(request, token);
    }

    public static async Task<string> PostAsync(Uri baseAddress, string path, string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token);
    }

    public static async Task<string> PutAsync(Uri baseAddress, string path, string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(baseAddress, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token);
    }

    private static async Task<string> SendAsync(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {Shell.Tail(body, 10)}");
    }
}
