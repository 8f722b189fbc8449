using Kalinga.Agents.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalinga.Configuration;

public static class ConfigurationModule
{
    public static IServiceCollection AddConfigurationAudit(this IServiceCollection services)
    {
        services.AddScoped<ConfigurationAudit>();
        services.AddScoped<ConfigurationHistory>();
        return services;
    }

    public static IEndpointRouteBuilder MapConfigurationAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/configuration-changes", ListAsync).WithTags("Configuration history").RequireAuthorization(Policies.Supervisor)
            .WithSummary("Who changed a rule, macro, SLA policy, calendar, queue or routing profile, and what (kind and id, newest first)");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ConfigurationChangeView>>> ListAsync(string kind, long id, ConfigurationHistory history, CancellationToken ct) =>
        ConfigurationKinds.All.Contains(kind)
            ? TypedResults.Ok(await history.HandleAsync(kind, id, ct))
            : throw new RuleException("kind", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", ConfigurationKinds.All)));
}
