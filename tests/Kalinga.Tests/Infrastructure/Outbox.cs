using Kalinga.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Infrastructure;

/// <summary>Drives the event dispatcher (workers are off in tests) and reads what the portal queued for e-mail.</summary>
public static class Outbox
{
    public static async Task DeliverEventsAsync(this KalingaApp app)
    {
        var dispatcher = app.Services.GetRequiredService<EventDispatcher>();
        while (await dispatcher.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>The path and query of the sign-in link in the newest portal mail to <paramref name="email"/>.</summary>
    public static async Task<string> SignInLinkAsync(this KalingaApp app, string email)
    {
        var text = await app.WithDbAsync(db => db.PortalMail.Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync());
        var match = System.Text.RegularExpressions.Regex.Match(text, @"https?://[^/\s]+(/requests/sign-in/link\?token=[A-Za-z0-9_\-]+)");
        Assert.True(match.Success, $"No sign-in link in: {text}");
        return match.Groups[1].Value;
    }
}
