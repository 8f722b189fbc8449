using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Kalinga.Bench.Generation;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// A signed-in agent for the workspace pages: the admin token gives the agent a random password, the agent signs in
/// through the API like the sign-in page does, and the session cookie is what the load script sends.
/// </summary>
public static class AgentSession
{
    public static async Task<string> SignInAsync(Uri baseAddress, string adminToken, AgentRow agent)
    {
        var password = await SetPasswordAsync(baseAddress, adminToken, agent);
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        using var signIn = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = agent.Email, password });
        await Ensure(signIn, "signing in");
        var header = cookies.GetCookieHeader(baseAddress);
        return header.Length > 0 ? header : throw new InvalidOperationException("Signing in set no cookie.");
    }

    /// <summary>Gives the agent a new random password through the admin API and returns it, for a sign-in.</summary>
    public static async Task<string> SetPasswordAsync(Uri baseAddress, string adminToken, AgentRow agent)
    {
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        using var admin = new HttpClient { BaseAddress = baseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var set = await admin.PostAsJsonAsync($"/api/v1/agents/{agent.Id}/password", new { password });
        await Ensure(set, "setting the agent's password");
        return password;
    }

    public static async Task<string> GetPageAsync(Uri baseAddress, string path, string cookie)
    {
        // No redirects: a redirect to the sign-in page would be a 200 too, and wrk would count the 302s as successes.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}, not the page.");
        }

        var html = await response.Content.ReadAsStringAsync();
        return html.Contains("<html", StringComparison.OrdinalIgnoreCase) ? html : throw new InvalidOperationException($"GET {path} did not answer a page.");
    }

    private static async Task Ensure(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {Shell.Tail(await response.Content.ReadAsStringAsync(), 10)}");
        }
    }
}
