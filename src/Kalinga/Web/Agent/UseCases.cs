using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Web.Agent;

/// <summary>
/// Runs a use case in a scope of its own. An agent page lives as long as its circuit (hours); a DbContext that long-lived
/// would hand back stale tracked tickets and refuse concurrent calls, so every action and read gets a fresh one from the
/// pool, exactly as an API request does.
/// </summary>
public sealed class UseCases(IServiceScopeFactory scopes)
{
    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> action)
        where T : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task RunAsync<T>(Func<T, Task> action)
        where T : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>A read straight from the database, for the small projections a page shows beside a use case's answer.</summary>
    public async Task<TResult> ReadAsync<TResult>(Func<KalingaDb, Task<TResult>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }
}
