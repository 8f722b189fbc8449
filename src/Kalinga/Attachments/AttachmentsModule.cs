namespace Kalinga.Attachments;

public static class AttachmentsModule
{
    public static IServiceCollection AddAttachments(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app) => app;
}
