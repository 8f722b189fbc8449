using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Kalinga.Automation;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tests.Sla;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Kalinga.Tests.Automation;

public sealed class WebhookTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private const string Secret = "s3cret-s3cret-s3cret";

    [Fact]
    public async Task A_webhook_is_posted_after_commit_with_a_signature_the_receiver_can_verify()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = await app.ClientAsync();
        await CreateHookRuleAsync(client, "hook-test", receiver.Url);

        var ticket = await client.CreateTicketAsync(subject: "hook-test leaking tap", email: "hook@example.test");
        await app.DrainAsync();

        var call = Assert.Single(receiver.Calls);
        Assert.True(WebhookSignature.Verify(Secret, call.Timestamp, call.Body, call.Signature));
        Assert.False(WebhookSignature.Verify("another-secret-value", call.Timestamp, call.Body, call.Signature));
        using var payload = JsonDocument.Parse(call.Body);
        Assert.Equal(ticket.Number, payload.RootElement.GetProperty("ticket").GetProperty("number").GetInt64());
        Assert.Equal("Notify CRM hook-test", payload.RootElement.GetProperty("rule").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_failing_receiver_gets_the_same_delivery_again_after_the_backoff()
    {
        await using var receiver = await Receiver.StartAsync(failFirst: 1);
        var client = await app.ClientAsync();
        await CreateHookRuleAsync(client, "retry-test", receiver.Url);

        await client.CreateTicketAsync(subject: "retry-test", email: "retry@example.test");
        await app.DrainAsync();
        var afterFailure = receiver.Calls.Count;
        app.Clock.Advance(TimeSpan.FromSeconds(11));
        await app.DrainAsync();

        Assert.Equal(1, afterFailure);
        Assert.Equal(2, receiver.Calls.Count);
        Assert.Single(receiver.Calls.Select(c => c.Delivery).Distinct());
    }

    private static async Task CreateHookRuleAsync(HttpClient client, string tag, string url) =>
        await (await client.PostAsync("/api/v1/rules", new
        {
            name = $"Notify CRM {tag}",
            events = new[] { "ticket.created" },
            conditions = new { all = new object[] { new { field = "subject", op = "contains", value = tag } } },
            actions = new object[] { new { type = "webhook", url, secret = Secret } },
        })).ReadAsync<RuleView>(HttpStatusCode.Created);

    private sealed record Call(long Timestamp, string Signature, string Delivery, string Body);

    /// <summary>A real HTTP server on loopback that records what it receives.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication server;
        private int failuresLeft;

        private Receiver(WebApplication server, int failFirst)
        {
            this.server = server;
            failuresLeft = failFirst;
        }

        public ConcurrentQueue<Call> Received { get; } = new();

        public IReadOnlyList<Call> Calls => [.. Received];

        public string Url => server.Urls.First() + "/hook";

        public static async Task<Receiver> StartAsync(int failFirst = 0)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var server = builder.Build();
            var receiver = new Receiver(server, failFirst);
            server.MapPost("/hook", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                receiver.Received.Enqueue(new Call(
                    long.Parse(request.Headers[WebhookSignature.TimestampHeader]!, CultureInfo.InvariantCulture),
                    request.Headers[WebhookSignature.SignatureHeader]!,
                    request.Headers[WebhookSignature.DeliveryHeader]!,
                    await reader.ReadToEndAsync()));
                return Interlocked.Decrement(ref receiver.failuresLeft) >= 0 ? Results.StatusCode(500) : Results.Ok();
            });
            await server.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync() => await server.DisposeAsync();
    }
}
