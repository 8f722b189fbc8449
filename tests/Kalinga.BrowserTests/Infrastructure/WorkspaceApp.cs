using Kalinga.Customers;
using Kalinga.Demo;
using Kalinga.Events;
using Kalinga.Routing;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests.Infrastructure;

/// <summary>
/// Kalinga with the demo company loaded (agents sign in with <see cref="DemoSeeder.Password"/>) and the event dispatcher
/// running in the background on real time, so live updates reach the pages as they would in production.
/// Tests create the tickets they work on, so they do not depend on each other.
/// </summary>
public sealed partial class WorkspaceApp : BrowserApp
{
    public const string Admin = "admin@lumenhome.test";
    public const string Emma = "emma@lumenhome.test";
    public const string Jose = "jose@lumenhome.test";
    public const string Oliver = "oliver@lumenhome.test";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithScopeAsync(sp => sp.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None));

        // The journeys drive assignment and status by hand; the demo's automatic routing and rules would race them.
        // The rows get a later UpdatedAt, as an edit through the app would, so that the dispatcher's settings cache
        // (which the seeding already filled) sees the change before the next batch.
        await WithDbAsync(async db =>
        {
            var queuesEdited = (await db.TeamQueues.MaxAsync(q => q.UpdatedAt)).AddSeconds(1);
            var rulesEdited = (await db.Rules.MaxAsync(r => r.UpdatedAt)).AddSeconds(1);
            await db.TeamQueues.ExecuteUpdateAsync(s => s.SetProperty(q => q.Strategy, RoutingStrategy.Manual).SetProperty(q => q.UpdatedAt, queuesEdited));
            await db.Rules.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsActive, false).SetProperty(r => r.UpdatedAt, rulesEdited));
        });
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddHostedService<DispatchLoop>();

    /// <summary>A signed-in page for one of the demo agents, on the view of their open tickets.</summary>
    public async Task<IPage> SignInAsync(string email, string locale = "en-US", int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(locale, width, height);
        await page.GotoAsync("/agent/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoSeeder.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/agent");
        try
        {
            await page.Locator("#main h1").WaitForAsync();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nPage: {await page.InnerTextAsync("body")}\nServer: {string.Join("\n", Errors.Entries)}", e);
        }

        return page;
    }

    /// <summary>A ticket from a customer, created the way the API creates one.</summary>
    public Task<Ticket> NewTicketAsync(string subject, string text, string email, string channel = "email", string language = "en") =>
        WithScopeAsync(async sp => (await sp.GetRequiredService<CreateTicket>().HandleAsync(
            new CreateTicketRequest(subject, new CustomerRef(Email: email, Language: language), new NewMessage(text),
                Channel: Enum.Parse<Kalinga.Channels.Channel>(channel, ignoreCase: true), Language: language),
            Actor.System, CancellationToken.None)).Ticket);

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action) => WithScopeAsync(action);

    /// <summary>
    /// Delivers committed events every 100 ms on the wall clock (the app's own clock is a fake that tests move). Like
    /// the production worker, a failed pass (say, SQLite busy for longer than its timeout while the demo company is
    /// seeded on a loaded machine) is logged and the next pass tries again; it must not stop the host.
    /// </summary>
    private sealed partial class DispatchLoop(EventDispatcher dispatcher, ILogger<DispatchLoop> log) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await dispatcher.RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPassFailed(log, ex);
                }

                try
                {
                    await Task.Delay(100, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "An event dispatch pass failed; the next one retries")]
        private static partial void LogPassFailed(ILogger logger, Exception ex);
    }
}

[CollectionDefinition(Name)]
public sealed class WorkspaceCollection : ICollectionFixture<WorkspaceApp>
{
    public const string Name = "workspace";
}
