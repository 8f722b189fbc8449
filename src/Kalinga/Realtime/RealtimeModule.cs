using Kalinga.Events;
using Kalinga.Notifications;
using Microsoft.Extensions.Options;

namespace Kalinga.Realtime;

public static class RealtimeModule
{
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddOptions<RealtimeOptions>().BindConfiguration("Realtime")
            .Validate(o => o.PresenceHeartbeat > TimeSpan.Zero, "Realtime:PresenceHeartbeat must be positive.")
            .ValidateOnStart();
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<InProcessTransport>();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<RedisTransport>();
        services.AddSingleton<ILiveTransport>(sp => sp.GetRequiredService<IOptions<RealtimeOptions>>().Value.UsesRedis
            ? sp.GetRequiredService<RedisTransport>()
            : sp.GetRequiredService<InProcessTransport>());
        services.AddSingleton<Presence>();
        services.AddHostedService<RedisLiveBridge>();
        services.AddHealthChecks().AddCheck<RealtimeHealth>("live-updates", tags: ["ready"]);
        services.AddSingleton<ITicketEventHandler, PushTicketEvents>();
        services.AddSingleton<ITicketEventHandler, NotifyMentions>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<MarkNotificationsRead>();
        return services;
    }
}
