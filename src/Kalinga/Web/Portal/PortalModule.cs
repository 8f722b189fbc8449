using System.Threading.RateLimiting;
using Kalinga.Channels;
using Kalinga.Channels.Web;
using Kalinga.Customers.Auth;
using Kalinga.Events;
using Kalinga.Localization;
using Microsoft.AspNetCore.Identity;

namespace Kalinga.Web.Portal;

/// <summary>
/// The customer portal and public help center: the customer cookie scheme, the rate limit on public forms, and the
/// endpoints beside the pages (files, live suggestions, sitemap, language choice, attachment downloads).
/// </summary>
public static class PortalModule
{
    public const string FormsPolicy = "portal-forms";

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration("Portal").ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication().AddCookie(CustomerAuth.Scheme, CustomerAuth.Configure);
        services.AddHttpContextAccessor();
        services.AddScoped<IPasswordHasher<PortalAccount>, PasswordHasher<PortalAccount>>();
        services.AddScoped<PortalSession>();
        services.AddScoped<RequestSignInLink>();
        services.AddScoped<RedeemSignInLink>();
        services.AddScoped<PortalPasswords>();
        services.AddScoped<PortalRequests>();
        services.AddScoped<RespondFromPortal>();
        services.AddScoped<SubmitRequest>();
        services.AddSingleton<IChannelAdapter, WebChannelAdapter>();
        services.AddSingleton<ITicketEventHandler, SendWebReceipt>();
        services.AddSingleton<ITicketEventHandler, SendPortalMail>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(FormsPolicy, FormsPartition);
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    $"<!DOCTYPE html><meta charset=\"utf-8\"><title>429</title><p>{System.Net.WebUtility.HtmlEncode(PortalText.Get("Form.TooMany"))}</p>", ct);
            };
        });
        return services;
    }

    /// <summary>Only form posts count, per client address: reading pages is never limited.</summary>
    private static RateLimitPartition<string> FormsPartition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.FormPostsPerWindow,
            Window = options.FormWindow,
            QueueLimit = 0,
        });
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (context.Request.Cookies.ContainsKey(CustomerAuth.CookieName) && IsPortalPage(context.Request.Path))
            {
                await context.RequestServices.GetRequiredService<PortalSession>().LoadAsync();
            }

            await next(context);
        });
        return app;
    }

    private static bool IsPortalPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/agent") && !path.StartsWithSegments("/_framework")
        && !path.StartsWithSegments("/_blazor") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js");

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapHelpCenterEndpoints();
        app.MapRequestEndpoints();
        return app;
    }
}
