using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Kalinga.Localization;

public static class LocalizationModule
{
    public static IServiceCollection AddKalingaLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // A help-center address names its language; otherwise a choice made in the UI (?culture= or the culture
            // cookie) wins over the browser's languages.
            o.RequestCultureProviders =
            [
                new PathCultureProvider(),
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
            o.FallBackToParentUICultures = true;
        });
        return services;
    }
}
