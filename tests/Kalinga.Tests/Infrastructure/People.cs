using System.Net;
using Kalinga.Agents;

namespace Kalinga.Tests.Infrastructure;

/// <summary>Agents and sessions made the way an admin and a browser make them: through the API.</summary>
public static class People
{
    public const string Password = "correct-horse-battery";

    public static async Task<AgentView> CreateAgentAsync(
        this HttpClient admin, string email, AgentRole role = AgentRole.Agent, string? password = Password,
        string[]? languages = null, long[]? teamIds = null)
    {
        var body = new
        {
            name = "Agent " + email.Split('@')[0],
            email,
            role,
            languages = languages ?? ["en"],
            uiLanguage = "en",
            password,
            teamIds = teamIds ?? [],
        };
        return await (await admin.PostAsync("/api/v1/agents", body)).ReadAsync<AgentView>(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password) =>
        client.PostAsync("/api/v1/auth/sign-in", new { email, password });

    /// <summary>A client holding the session cookie of the agent, like a browser after signing in.</summary>
    public static async Task<HttpClient> SignedInAsync(this KalingaApp app, string email, string password = Password)
    {
        var client = app.CreateClient();
        var response = await client.SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }
}
