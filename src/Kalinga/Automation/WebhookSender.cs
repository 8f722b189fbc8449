using System.Globalization;
using System.Text;
using System.Text.Json;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>
/// Sends the webhook a rule asked for. The rule wrote an automation.webhook event in the same transaction as its
/// other actions; this handler POSTs it after commit, so a webhook is never sent for a change that was rolled back,
/// and a failure (non-2xx, timeout) is retried by the dispatcher with backoff. Receivers deduplicate by
/// <c>X-Kalinga-Delivery</c>, the event id.
/// </summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock) : ITicketEventHandler
{
    public const string ClientName = "webhooks";

    public string Name => "webhooks";

    public bool Handles(TicketEvent e) => e.Type == AutomationEventTypes.Webhook;

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        var call = e.ReadData<WebhookCall>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var rule = await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == call!.Rule, ct);
        if (call is null || rule is null || call.Action >= rule.Actions.Count || rule.Actions[call.Action] is not { Type: RuleAction.Webhook } action)
        {
            return;
        }

        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == e.TicketId)
            .Select(t => new
            {
                t.Number, t.Subject, t.Status, t.Priority, t.Channel, t.Language, t.CustomerId, t.AssigneeId, t.TeamId,
                Reason = db.ContactReasons.Where(r => r.Id == t.ReasonId).Select(r => r.Code).First(),
                Tags = t.Tags.Select(x => x.Tag.Name).ToList(),
                t.CreatedAt, t.UpdatedAt,
            })
            .SingleOrDefaultAsync(ct);
        var body = JsonSerializer.Serialize(new { delivery = e.Id, rule = new { rule.Id, rule.Name }, ticket, sentAt = clock.GetUtcNow().UtcDateTime }, EventJson.Options);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, action.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(action.Secret!, timestamp, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, e.Id.ToString(CultureInfo.InvariantCulture));
        using var response = await http.CreateClient(ClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook at {action.Url} answered {(int)response.StatusCode}.");
        }
    }

    private sealed record WebhookCall(long Rule, int Action, string Url);
}
