using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Kalinga.Localization;

public static class LocalizationModule
{
    /// <summary>
    /// Each request's UI language comes from <c>Accept-Language</c> (or <c>?ui-culture=</c>), limited to the four
    /// languages. Only the UI culture follows the caller: formatting culture stays English, so numbers and dates in
    /// API messages read the same for every client.
    /// </summary>
    public static IServiceCollection AddLanguages(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = [CultureInfo.GetCultureInfo(Languages.Default)];
            o.SupportedUICultures = [.. Languages.Supported.Select(CultureInfo.GetCultureInfo)];
        });

    public static WebApplication UseLanguages(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
