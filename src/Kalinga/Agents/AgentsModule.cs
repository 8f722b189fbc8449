namespace Kalinga.Agents;

public static class AgentsModule
{
    public static IServiceCollection AddAgents(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder app) => app;
}
