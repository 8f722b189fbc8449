using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Kalinga.Web;

public static class ApiDocsModule
{
    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Kalinga API";
            doc.Info.Description = "Tickets, customers, agents and search. Authenticate with `Authorization: Bearer klg_…` (see `create-api-token`).";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary><c>/openapi/v1.json</c> and a browsable reference at <c>/api/docs</c>; both public, like any API manual.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Kalinga API")).AllowAnonymous();
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
