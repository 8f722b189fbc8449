using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kalinga.Tickets;

namespace Kalinga.Tests.Infrastructure;

/// <summary>Reading and writing the API's JSON as a client would.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string url, object body) =>
        client.PatchAsJsonAsync(url, body, Json);

    public static async Task<T> GetAsync<T>(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsync<T>();

    /// <summary>The RFC 9457 body of an error answer, checked to have the expected status.</summary>
    public static async Task<Problem> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Problem>(body, Json)!;
    }

    public static async Task<TicketDetails> CreateTicketAsync(
        this HttpClient client, string subject = "Washing machine leaks", string text = "Water on the floor after every wash.",
        string email = "ana.reyes@example.test", string reason = "question", string channel = "web", object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["reason"] = reason,
            ["channel"] = channel,
            ["customer"] = new { email },
            ["message"] = new { text },
        };
        if (extra is not null)
        {
            foreach (var p in extra.GetType().GetProperties())
            {
                body[JsonNamingPolicy.CamelCase.ConvertName(p.Name)] = p.GetValue(extra);
            }
        }

        return await (await client.PostAsync("/api/v1/tickets", body)).ReadAsync<TicketDetails>(HttpStatusCode.Created);
    }
}

public sealed record Problem(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);
