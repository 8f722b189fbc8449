using System.Text.Json;
using Kalinga.Attachments;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Web;

/// <summary>
/// Turns the exceptions that mean "bad request" into RFC 9457 problem details naming the field, so that bad input
/// never surfaces as a 500. Anything else is a bug and stays a 500.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        (int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors) answer = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "The request body is not valid JSON for this operation.", null, FieldError(JsonField(json.Path), Describe(json))),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (413, "The request is too large.", null, null),
            BadHttpRequestException bad =>
                (bad.StatusCode, bad.Message, null, null),
            AttachmentRefusedException { IsTooLarge: true } refused =>
                (413, "The upload is too large.", refused.Message, null),
            AttachmentRefusedException refused =>
                (415, "This kind of file is not accepted.", refused.Message, null),
            RuleException rule =>
                (400, "The request breaks a rule.", null, FieldError(rule.Field, rule.Message)),
            DbUpdateConcurrencyException =>
                (409, "Someone else changed this item at the same time; reload it and try again.", null, null),
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

    /// <summary>"$.customer.email" → "customer.email"; the root itself is named "body".</summary>
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>System.Text.Json names .NET types in its messages; clients need to know what to send instead.</summary>
    private static string Describe(JsonException json) =>
        json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "This value has the wrong type or is not one of the allowed values."
            : json.Message.Split(" Path:", 2)[0];
}
