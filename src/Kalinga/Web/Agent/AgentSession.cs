using System.Globalization;
using System.Security.Claims;
using Kalinga.Agents;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kalinga.Web.Agent;

/// <summary>
/// The signed-in agent's page session (one per interactive circuit): who they are, the names the workspace shows,
/// their time zone, the ticket list they came from (for "next ticket") and the keyboard shortcuts of the open page.
/// </summary>
public sealed class AgentSession(AuthenticationStateProvider auth, IServiceScopeFactory scopes)
{
    private Lookups? lookups;

    public event Func<string, Task>? Shortcut;

    /// <summary>Raised after the agent saved or deleted a view, so the list of views reloads.</summary>
    public event Func<Task>? ViewsChanged;

    public long AgentId { get; private set; }

    public string Name { get; private set; } = "";

    public AgentRole Role { get; private set; }

    public Actor Actor => Actor.Agent(AgentId);

    public bool IsAdmin => Role == AgentRole.Admin;

    public Lookups Lookups => lookups ?? Lookups.Empty;

    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>The numbers of the tickets in the list the agent last looked at, in order, and the view's key.</summary>
    public IReadOnlyList<long> ListNumbers { get; set; } = [];

    public string ListHref { get; set; } = "/agent";

    public static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (lookups is not null)
        {
            return;
        }

        var user = (await auth.GetAuthenticationStateAsync()).User;
        AgentId = user.Actor().AgentId ?? 0;
        Name = user.FindFirstValue(ClaimTypes.Name) ?? "";
        Role = user.Role();
        await ReloadLookupsAsync(ct);
    }

    public async Task ReloadLookupsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        lookups = await Lookups.LoadAsync(scope.ServiceProvider.GetRequiredService<KalingaDb>(), ct);
    }

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>Date and time in the agent's language and time zone.</summary>
    public string When(DateTime utc) => Local(utc).ToString("g", Culture);

    public string Day(DateTime utc) => Local(utc).ToString("d", Culture);

    public string Number(long n) => n.ToString("N0", Culture);

    /// <summary>The ticket after (or before) this one in the list the agent came from.</summary>
    public long? Neighbour(long number, int step)
    {
        var i = ListNumbers.ToList().IndexOf(number);
        var j = i + step;
        return i < 0 || j < 0 || j >= ListNumbers.Count ? null : ListNumbers[j];
    }

    public async Task RaiseViewsChangedAsync()
    {
        if (ViewsChanged is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }

    public async Task RaiseShortcutAsync(string key)
    {
        if (Shortcut is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<string, Task>>())
            {
                await handler(key);
            }
        }
    }
}
