using Kalinga.Events;
using Kalinga.Notifications;

namespace Kalinga.Realtime;

public static class RealtimeModule
{
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<ILiveTransport, InProcessTransport>();
        services.AddSingleton<Presence>();
        services.AddSingleton<ITicketEventHandler, PushTicketEvents>();
        services.AddSingleton<ITicketEventHandler, NotifyMentions>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<MarkNotificationsRead>();
        return services;
    }
}
