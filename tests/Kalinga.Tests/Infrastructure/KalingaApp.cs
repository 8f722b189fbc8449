using System.Net.Http.Headers;
using Kalinga.Agents;
using Kalinga.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Kalinga.Tests.Infrastructure;

/// <summary>
/// Kalinga in-process over its own database (one per test class), a fake clock and no background workers:
/// tests drive the dispatcher themselves so that what happens, and when, is decided by the test.
/// </summary>
public class KalingaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private string? connectionString;

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Errors the server logged; <see cref="Api.ReadAsync{T}"/> prints them when a call fails unexpectedly.</summary>
    public ErrorLog Errors { get; } = new();

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("kalinga-data-").FullName;

    public string ConnectionString => connectionString ?? throw new InvalidOperationException("Not initialized yet.");

    public virtual async ValueTask InitializeAsync() => connectionString = await TestDatabase.CreateAsync(GetType().Name);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is not null)
        {
            await TestDatabase.DropAsync(connectionString);
        }

        Directory.Delete(DataDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Kalinga:DataDirectory", DataDirectory);
        builder.UseSetting("Kalinga:RunWorkers", "false");
        builder.UseSetting("Kalinga:DemoDataOnFirstStart", "false");
        builder.UseSetting("Kalinga:NodeName", "test-node");

        // Every test client comes from one address; the rate limit has its own test.
        builder.UseSetting("Portal:FormPostsPerWindow", "10000");
        builder.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Kalinga", ConnectionString);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(services);
        });
    }

    /// <summary>Extra registrations for a test class (for example a recording event handler).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<KalingaDb, Task> action) =>
        WithScopeAsync(async sp =>
        {
            await action(sp.GetRequiredService<KalingaDb>());
            return true;
        });

    public Task<T> WithDbAsync<T>(Func<KalingaDb, Task<T>> action) =>
        WithScopeAsync(sp => action(sp.GetRequiredService<KalingaDb>()));

    /// <summary>An HTTP client that authenticates with a new API token of the given role.</summary>
    public async Task<HttpClient> ClientAsync(AgentRole role = AgentRole.Admin)
    {
        var token = await WithScopeAsync(sp => sp.GetRequiredService<IssueApiToken>().HandleAsync($"test {role}", role, CancellationToken.None));
        var client = CreateDefaultClient(new ServerErrors(Errors));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }
}
