using System.Globalization;
using Microsoft.Playwright;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// Debian's Chromium (never a downloaded one) driven by Playwright, signed in as an agent, opening agent ticket pages.
/// Agent pages are not prerendered: the page's shell loads, blazor.web.js starts the circuit and the conversation is
/// rendered over it. A script in every document notes, with a MutationObserver, the moment the page shows the ticket
/// of its address with the messages it waits for (<c>.k-timeline</c> holding that many <c>.k-message</c>), in the page's own
/// clock; an open is timed from its navigation start to that moment, so Playwright's round trips are not in the figure.
/// </summary>
public sealed class TicketPageBrowser : IAsyncDisposable
{
    private const string Observer = """
        (() => {
          const wanted = %MESSAGES%;
          const check = () => {
            const number = /^\/agent\/tickets\/(\d+)$/.exec(location.pathname);
            if (!number || (window.__kalingaOpened && window.__kalingaOpened.path === location.pathname)) return;
            const head = document.querySelector('.k-ticket-head .k-number');
            if (head && head.textContent.trim() === '#' + number[1] && document.querySelectorAll('.k-timeline > .k-message').length >= wanted) {
              window.__kalingaOpened = { path: location.pathname, at: performance.now() };
            }
          };
          new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """;

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IPage page;
    private readonly TimeSpan patience;

    private TicketPageBrowser(IPlaywright playwright, IBrowser browser, IPage page, TimeSpan patience)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.page = page;
        this.patience = patience;
    }

    /// <summary>WebSockets the page has opened: one per circuit, so a navigation within the circuit opens none.</summary>
    public int Circuits { get; private set; }

    /// <summary>The browser, from <c>KALINGA_TEST_CHROMIUM</c> (scripts/test-services.sh env) or /usr/bin/chromium.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("KALINGA_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Starts Chromium and signs the agent in through the sign-in API, in the browser's own cookie jar.</summary>
    public static async Task<TicketPageBrowser> SignInAsync(Uri baseAddress, string email, string password, int messages, TimeSpan patience)
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {Chromium}: install it with scripts/test-services.sh start chromium (bench/run.sh does it).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                ],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseAddress.ToString(),
                Locale = "en-US",
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            });
            context.SetDefaultTimeout((float)patience.TotalMilliseconds);
            var signIn = await context.APIRequest.PostAsync("/api/v1/auth/sign-in", new APIRequestContextOptions { DataObject = new { email, password } });
            if (!signIn.Ok)
            {
                throw new InvalidOperationException($"Signing in {email} in the browser answered {signIn.Status}: {Shell.Tail(await signIn.TextAsync(), 10)}");
            }

            await context.AddInitScriptAsync(Observer.Replace("%MESSAGES%", messages.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            var page = await context.NewPageAsync();
            var driver = new TicketPageBrowser(playwright, browser, page, patience);
            page.WebSocket += (_, _) => driver.Circuits++;
            return driver;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads the page as a new document (a new circuit): from the navigation's start (the page's time origin) to the
    /// conversation on screen, in milliseconds.
    /// </summary>
    public async Task<double> LoadAsync(string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        if (!page.Url.EndsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Opening {path} ended on {page.Url}: is the agent signed in?");
        }

        return await OpenedAtAsync(path);
    }

    /// <summary>
    /// Goes from the ticket on screen to another within the same circuit, as a click on a workspace link does
    /// (<c>Blazor.navigateTo</c>, what Blazor's link handling calls): from the call to the conversation on screen, in
    /// milliseconds.
    /// </summary>
    public async Task<double> NavigateAsync(string path)
    {
        var start = await page.EvaluateAsync<double>("path => { window.__kalingaOpened = null; const t = performance.now(); Blazor.navigateTo(path); return t; }", path);
        return await OpenedAtAsync(path) - start;
    }

    /// <summary>What the page shows, for an error message when an open did not finish.</summary>
    public async Task<string> DescribeAsync()
    {
        try
        {
            return $"{page.Url}: {Shell.Tail(await page.InnerTextAsync("body"), 8)}";
        }
        catch (PlaywrightException e)
        {
            return $"{page.Url} ({e.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private async Task<double> OpenedAtAsync(string path)
    {
        var opened = await page.WaitForFunctionAsync(
            "path => window.__kalingaOpened && window.__kalingaOpened.path === path ? window.__kalingaOpened.at : false",
            path, new PageWaitForFunctionOptions { Timeout = (float)patience.TotalMilliseconds });
        return await opened.JsonValueAsync<double>();
    }
}
