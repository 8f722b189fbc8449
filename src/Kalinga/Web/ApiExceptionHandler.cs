using System.Text.Json;
using System.Text.RegularExpressions;
using Kalinga.Attachments;
using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Web;

/// <summary>
/// Turns the exceptions that mean "bad request" into RFC 9457 problem details naming the field, so that bad input
/// never surfaces as a 500. A unique index refusing the loser of a race to create the same thing (a tag, a team name)
/// is a 409 like the conflicts use cases find themselves. Anything else is a bug and stays a 500. Titles are in the caller's UI language, and so
/// are the field errors of refusals thrown with a <see cref="LocalText"/>; the field names in <c>errors</c> stay as they are.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        (int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors) answer = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, Localized.Text("Problem.invalid_json"), null, Describe(json)),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (413, Localized.Text("Problem.too_large"), null, null),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status400BadRequest && Parameter(bad.Message) is { } parameter =>
                (400, Localized.Text("Loc4_Validation.Title"), null, parameter),
            BadHttpRequestException bad =>
                (bad.StatusCode, bad.Message, null, null),
            AttachmentRefusedException { IsTooLarge: true } refused =>
                (413, Localized.Text("Problem.upload_too_large"), refused.Localized(), null),
            AttachmentRefusedException refused =>
                (415, Localized.Text("Problem.file_refused"), refused.Localized(), null),
            RuleException rule =>
                (400, Localized.Text("Problem.rule"), null, FieldError(rule.Field, rule.Localized())),
            ConflictException conflict =>
                (409, Localized.Text("Problem.conflict"), null, FieldError(conflict.Field, conflict.Localized())),
            DbUpdateConcurrencyException =>
                (409, Localized.Text("Problem.concurrency"), null, null),
            DbUpdateException duplicate when UniqueViolation.Is(duplicate) =>
                (409, Localized.Text("Problem.duplicate"), null, null),
            _ => (0, null, null, null),
        };
        var (status, title, detail, errors) = answer;

        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static Dictionary<string, string[]> FieldError(string field, string message) => new() { [field] = [message] };

    /// <summary>
    /// A query, route or header value ASP.NET Core could not bind ("?limit=many") or did not find: the parameter as the
    /// field, in the request's language. ASP.NET Core words these in English only; another of its messages is left as is.
    /// </summary>
    private static Dictionary<string, string[]>? Parameter(string message)
    {
        if (UnboundParameter().Match(message) is { Success: true } unbound)
        {
            return FieldError(unbound.Groups["name"].Value, new LocalText("Loc4_Bind.Invalid", unbound.Groups["value"].Value).Localized());
        }

        return MissingParameter().Match(message) is { Success: true } missing
            ? FieldError(missing.Groups["name"].Value, Localized.Text("Loc4_Validation.Required"))
            : null;
    }

    [GeneratedRegex("""^Failed to bind parameter "[^"]*? (?<name>[^" ]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex UnboundParameter();

    [GeneratedRegex("""^Required parameter "[^"]*? (?<name>[^" ]+)" was not provided from .+\.$""")]
    private static partial Regex MissingParameter();

    /// <summary>
    /// System.Text.Json names .NET types in its messages; clients need the field ("$.customer.email" → "customer.email")
    /// and what to send instead, in their language. Syntax errors concern the whole body; the parser's own account of
    /// where it stumbled stays as System.Text.Json words it.
    /// </summary>
    private static Dictionary<string, string[]> Describe(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return FieldError(field, Localized.Text("Loc4_Json.UnknownField"));
        }

        if (json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return FieldError(field, Localized.Text("Loc4_Json.WrongType"));
        }

        return FieldError("body", new LocalText("Loc4_Json.Malformed", json.Message.Split(" Path:", 2)[0]).Localized());
    }
}
