using System.Text.Json;
using System.Text.Json.Serialization;
using Kalinga.Localization;

namespace Kalinga.Web;

public static class WebModule
{
    /// <summary>JSON rules for the whole API: camelCase names, snake_case enum words, unknown fields refused.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.ProblemDetails is HttpValidationProblemDetails validation)
            {
                CamelCaseFieldNames(validation.Errors);
                SayInRequestLanguage(validation);
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddValidation();

        // Let the exception handler see malformed bodies instead of a bare 400 with no explanation.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Validation names fields as C# does ("Customer.Email"); clients know them by their JSON names ("customer.email").</summary>
    private static void CamelCaseFieldNames(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var json = string.Join('.', key.Split('.').Select(p => p.All(char.IsAsciiLetterOrDigit) ? JsonNamingPolicy.CamelCase.ConvertName(p) : p));
            if (json != key)
            {
                errors[json] = errors[key];
                errors.Remove(key);
            }
        }
    }

    /// <summary>The request-shape checks' title and messages in the request's language (see <see cref="ValidationText"/>).</summary>
    private static void SayInRequestLanguage(HttpValidationProblemDetails validation)
    {
        if (validation.Title == DefaultValidationTitle)
        {
            validation.Title = Localized.Text("Loc4_Validation.Title");
        }

        foreach (var (field, messages) in validation.Errors)
        {
            validation.Errors[field] = [.. messages.Select(ValidationText.Localize)];
        }
    }

    /// <summary>The title ASP.NET Core gives a validation problem it writes itself.</summary>
    private const string DefaultValidationTitle = "One or more validation errors occurred.";

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
