using System.Net;
using System.Text.Json;
using Kalinga.Automation;
using Kalinga.Events;
using Kalinga.Sla;
using Kalinga.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Sla;

/// <summary>Drives the background work by hand, as the workers are off in tests: dispatcher, SLA scanner, automations.</summary>
public static class Work
{
    /// <summary>Runs one node's dispatcher until nothing is due; returns how many events it delivered.</summary>
    public static async Task<int> DrainAsync(this KalingaApp app, string node = "test-node")
    {
        var dispatcher = app.Services.GetRequiredService<EventDispatcher>();
        var total = 0;
        int batch;
        while ((batch = await dispatcher.RunOnceAsync(node, CancellationToken.None)) > 0)
        {
            total += batch;
        }

        return total;
    }

    /// <summary>Moves the clock, runs the SLA scanner and delivers what it raised.</summary>
    public static async Task<int> ScanSlaAsync(this KalingaApp app)
    {
        var raised = await app.WithScopeAsync(sp => sp.GetRequiredService<RaiseSlaAlerts>().HandleAsync(CancellationToken.None));
        await app.DrainAsync();
        return raised;
    }

    public static async Task<int> RunAutomationsAsync(this KalingaApp app)
    {
        var acted = await app.WithScopeAsync(sp => sp.GetRequiredService<RunAutomations>().HandleAsync(CancellationToken.None));
        await app.DrainAsync();
        return acted;
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, url, body, Api.Json);

    public static async Task<long> CreateTeamAsync(this HttpClient client, string name) =>
        (await (await client.PostAsync("/api/v1/teams", new { name })).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static async Task<long> CreateAgentAsync(this HttpClient client, string name, long teamId, params string[] languages) =>
        (await (await client.PostAsync("/api/v1/agents", new
        {
            name,
            email = $"{name.Replace(' ', '.').ToLowerInvariant()}@lumen.test",
            languages = languages.Length == 0 ? ["en"] : languages,
            teamIds = new[] { teamId },
        })).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
}
