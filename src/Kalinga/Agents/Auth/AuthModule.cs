using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kalinga.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kalinga.Agents.Auth;

public static class AuthModule
{
    private const string Selector = "Kalinga";

    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<IPasswordHasher<Agent>, PasswordHasher<Agent>>();
        services.AddScoped<SignIn>();
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.Count > 0 ? ApiTokenAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "kalinga.session";
                o.Cookie.HttpOnly = true;

                // Strict: the browser never sends the session on a request started by another site,
                // which is the CSRF defence for the cookie-authenticated API.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.LoginPath = "/agent/sign-in";
                o.Events.OnRedirectToLogin = ctx => AnswerApi(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => AnswerApi(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = AgentSessions.ValidateAsync;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Agent, p => p.RequireRole(Policies.RolesAtLeast(AgentRole.Agent)))
            .AddPolicy(Policies.Supervisor, p => p.RequireRole(Policies.RolesAtLeast(AgentRole.Supervisor)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Policies.RolesAtLeast(AgentRole.Admin)));
        return services;
    }

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/sign-in", SignInAsync).AllowAnonymous()
            .WithSummary("Signs an agent in with e-mail and password and sets the session cookie");
        group.MapPost("/sign-out", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Agent).WithSummary("Ends the session");
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new Me(
                user.Actor().Id!.Value, user.Actor().Kind.ToString().ToLowerInvariant(), user.Identity!.Name!, user.Role())))
            .RequireAuthorization(Policies.Agent).WithSummary("Who the caller is");
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(SignInRequest request, SignIn signIn, HttpContext ctx)
    {
        var result = await signIn.HandleAsync(request.Email, request.Password, CookieAuthenticationDefaults.AuthenticationScheme, ctx.RequestAborted);
        return result.Outcome switch
        {
            SignInOutcome.SignedIn => await IssueCookieAsync(ctx, result.Principal!),
            SignInOutcome.LockedOut => TypedResults.Problem(
                Localized.Text("Loc4_Problem.Auth.LockedOut"), statusCode: StatusCodes.Status423Locked, title: Localized.Text("Problem.account_locked")),
            _ => TypedResults.Problem(Localized.Text("Loc4_Problem.Auth.WrongPassword"), statusCode: StatusCodes.Status401Unauthorized, title: Localized.Text("Problem.sign_in_failed")),
        };
    }

    private static async Task<NoContent> IssueCookieAsync(HttpContext ctx, ClaimsPrincipal principal)
    {
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.NoContent();
    }

    private static Task AnswerApi(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            // Programs use the API with tokens: say so, as a bearer scheme would.
            if (status == StatusCodes.Status401Unauthorized)
            {
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
            }

            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public sealed record SignInRequest([property: Required, EmailAddress] string Email, [property: Required] string Password);

    public sealed record Me(long Id, string Kind, string Name, AgentRole Role);
}
