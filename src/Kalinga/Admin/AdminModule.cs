using Microsoft.EntityFrameworkCore;
using Kalinga.Data;
using Kalinga.Demo;
using Microsoft.Extensions.Options;

namespace Kalinga.Admin;

public static class AdminModule
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Backup>();
        services.AddScoped<Restore>();
        return services;
    }

    /// <summary>Brings the schema up to date and, on a brand-new database in Development, loads the demo company.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var kalinga = sp.GetRequiredService<IOptions<KalingaOptions>>().Value;
        if (database.MigrateOnStart)
        {
            await sp.GetRequiredService<KalingaDb>().Database.MigrateIfBehindAsync(CancellationToken.None);
        }

        if (kalinga.DemoDataOnFirstStart)
        {
            var seeder = sp.GetRequiredService<DemoSeeder>();
            if (await seeder.IsDatabaseEmptyAsync(CancellationToken.None))
            {
                Console.WriteLine(await seeder.SeedAsync(CancellationToken.None));
            }
        }
    }
}
