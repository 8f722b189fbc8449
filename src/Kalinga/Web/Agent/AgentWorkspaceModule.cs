using Kalinga.Agents;
using Kalinga.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;

namespace Kalinga.Web.Agent;

/// <summary>The agent workspace: its page-session services and the few plain endpoints its pages post to.</summary>
public static class AgentWorkspaceModule
{
    public static IServiceCollection AddAgentWorkspace(this IServiceCollection services)
    {
        services.AddScoped<AgentSession>();
        services.AddScoped<UseCases>();
        services.AddScoped<Labels>();
        services.AddScoped<ActionText>();
        services.AddScoped<SetUiLanguage>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgentWorkspace(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agent/culture", SetCulture).ExcludeFromDescription();
        app.MapPost("/agent/sign-out", SignOutAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>Remembers the language for a year and goes back to the page; only local return addresses are followed.</summary>
    public static void WriteCultureCookie(HttpResponse response, string language) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });

    private static IResult SetCulture(HttpContext ctx, string lang, string? returnUrl)
    {
        var code = Languages.Normalize(lang) ?? Languages.Default;
        WriteCultureCookie(ctx.Response, code);
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/agent");
    }

    private static async Task<IResult> SignOutAsync(HttpContext ctx, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(ctx))
        {
            return Results.BadRequest();
        }

        await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/agent/sign-in?signedOut=1");
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
