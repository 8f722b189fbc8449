using System.Globalization;
using System.Text.Json;
using Kalinga.Bench.Generation;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// Turns routing on for the routed-create scenario through the API, as an admin would: the team with the most members
/// becomes the default queue with round robin, and its members get the largest capacity the API takes and go online.
/// Every new ticket (the bodies name no team) then goes to that queue and on to an agent while the load runs.
/// </summary>
public sealed class RoutedDesk(Uri baseAddress, string token, Plan plan)
{
    public const int Capacity = 1000;

    public long TeamId { get; } = plan.Teams.MaxBy(t => plan.Agents.Count(a => a.TeamIds.Contains(t.Id)))!.Id;

    public IReadOnlyList<long> Members => [.. plan.Agents.Where(a => a.TeamIds.Contains(TeamId)).Select(a => a.Id)];

    public async Task ConfigureAsync()
    {
        foreach (var agent in Members)
        {
            await Probe.PutAsync(baseAddress, $"/api/v1/routing/agents/{agent}/profile", $$"""{"defaultCapacity":{{Capacity}}}""", token);
        }

        await Probe.PutAsync(baseAddress, $"/api/v1/routing/queues/{TeamId}", """{"strategy":"round_robin","isDefault":true}""", token);
        foreach (var agent in Members)
        {
            await Probe.PutAsync(baseAddress, $"/api/v1/routing/agents/{agent}/availability", """{"status":"online"}""", token);
        }
    }

    /// <summary>Tickets of the team that wait for an agent (unassigned, new or open).</summary>
    public async Task<int> WaitingAsync()
    {
        using var queues = JsonDocument.Parse(await Probe.GetAsync(baseAddress, "/api/v1/routing/queues", token));
        return queues.RootElement.EnumerateArray().Single(q => q.GetProperty("teamId").GetInt64() == TeamId).GetProperty("waiting").GetInt32();
    }

    /// <summary>Tickets the team's members hold (new or open), all channels.</summary>
    public async Task<int> HeldAsync()
    {
        using var agents = JsonDocument.Parse(await Probe.GetAsync(baseAddress, "/api/v1/routing/agents", token));
        var members = Members.ToHashSet();
        return agents.RootElement.EnumerateArray()
            .Where(a => members.Contains(a.GetProperty("id").GetInt64()))
            .Sum(a => a.GetProperty("load").EnumerateObject().Sum(c => c.Value.GetInt32()));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"round robin, {Members.Count} agents online");
}
