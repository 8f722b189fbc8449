using System.Net;
using System.Text.Json;
using Kalinga.Tests.Attachments;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Tickets;

/// <summary>
/// The body of <c>GET /api/v1/tickets/{number}</c>, byte for byte, for tickets with every kind of content: integrations
/// parse it, and the read is written by hand for speed (see docs/performance.md), so any change of its shape, order,
/// escaping, or number and date formats must be deliberate. Ids are filled in from what the database holds; everything
/// else is fixed text.
/// </summary>
public sealed class TicketResponseTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ticket_reads_back_exactly_as_integrations_know_it()
    {
        var client = await app.ClientAsync();
        await client.DefineFieldAsync("order_number", "Order number");
        await client.DefineFieldAsync("store", "Store");
        var agent = await client.CreateAgentAsync("marta.kowalska@desk.test", languages: ["pl", "en"]);
        var team = (await (await client.PostAsync("/api/v1/teams", new { name = "Serwis" })).ReadAsync<JsonElement>(HttpStatusCode.Created))
            .GetProperty("id").GetInt64();

        var ticket = await client.CreateTicketAsync(
            subject: "Pralka cieknie — \"żółta\" lampka <miga> & stop",
            text: "Woda na podłodze po każdym praniu.\nZamówienie LH-204913.",
            email: "zofia.nowak@example.test",
            reason: "complaint",
            channel: "email",
            extra: new
            {
                language = "pl",
                tags = new[] { "warranty", "pralka" },
                customFields = new Dictionary<string, string> { ["order_number"] = "LH-204913" },
            });
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/assign", new { agentId = agent.Id, teamId = team })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromSeconds(90.25));
        var upload = await client.UploadOneAsync("zdjęcie podłogi.png", "image/png", Uploads.Png);
        (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/replies", new
        {
            html = "<p>Dzień dobry, <b>proszę</b> o zdjęcie.</p><p>Pozdrawiam</p>",
            attachmentIds = new[] { upload.Id },
        })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/notes", new { text = "Klientka dzwoniła 2×, 50% zniżki?" })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new
        {
            subject = "Pralka cieknie",
            priority = "high",
            tags = new[] { "warranty", "naprawa" },
            causes = new[] { "slow_response" },
            customFields = new Dictionary<string, string?> { ["order_number"] = "LH-204914", ["store"] = "Kraków, ul. Długa 5" },
            status = "pending",
        })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var duplicate = await client.CreateTicketAsync(subject: "Pralka dalej cieknie", text: "Bez odpowiedzi.", email: "zofia.nowak@example.test");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await client.PostAsync($"/api/v1/tickets/{duplicate.Number}/merge", new { into = ticket.Number })).EnsureSuccessStatusCode();

        var kept = await client.GetStringAsync($"/api/v1/tickets/{ticket.Number}", Ct);
        var closed = await client.GetStringAsync($"/api/v1/tickets/{duplicate.Number}", Ct);

        var ids = await app.WithDbAsync(async db =>
        {
            var tickets = await db.Tickets.Where(t => t.Number == ticket.Number || t.Number == duplicate.Number).ToDictionaryAsync(t => t.Number, Ct);
            var (one, two) = (tickets[ticket.Number], tickets[duplicate.Number]);
            var map = new Dictionary<string, long>
            {
                ["t1"] = one.Id,
                ["t2"] = two.Id,
                ["n1"] = one.Number,
                ["n2"] = two.Number,
                ["c"] = one.CustomerId,
                ["k"] = await db.ApiTokens.Select(t => t.Id).SingleAsync(Ct),
                ["a"] = agent.Id,
                ["g"] = team,
                ["f"] = upload.Id,
            };
            var messages = await db.Messages.Where(m => m.TicketId == one.Id).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(Ct);
            var events = await db.Events.Where(e => e.TicketId == one.Id || e.TicketId == two.Id).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(Ct);
            Assert.Equal((4, 20), (messages.Count, events.Count));
            for (var i = 0; i < messages.Count; i++)
            {
                map[$"m{i + 1}"] = messages[i];
            }

            for (var i = 0; i < events.Count; i++)
            {
                map[$"e{i + 1:00}"] = events[i];
            }

            return map;
        });

        Assert.Equal(Expected(Kept, ids), kept);
        Assert.Equal(Expected(Closed, ids), closed);
    }

    /// <summary>The template on one line, each <c>$name</c> replaced by its id (longest names first).</summary>
    private static string Expected(string template, Dictionary<string, long> ids)
    {
        var text = template.ReplaceLineEndings("");
        foreach (var (name, id) in ids.OrderByDescending(p => p.Key.Length))
        {
            text = text.Replace("$" + name, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    // The ticket that stayed: two channels' messages, an attachment, a note, and every kind of change on its timeline.
    private const string Kept = """
        {"id":$t1,"number":$n1,"subject":"Pralka cieknie","status":"pending","priority":"high","reason":"complaint","channel":"email","language":"pl","customer":{"kind":"customer","id":$c,"name":"zofia.nowak"},
        "organizationId":null,"assigneeId":$a,"teamId":$g,
        "tags":["naprawa","warranty"],"causes":["slow_response"],"customFields":{"order_number":"LH-204914","store":"Kraków, ul. Długa 5"},
        "createdAt":"2026-03-02T09:00:00Z","updatedAt":"2026-03-03T11:10:30.25Z","firstResponseAt":"2026-03-02T09:04:30.25Z","solvedAt":null,"closedAt":null,"mergedIntoNumber":null,"version":14,
        "messages":[
        {"id":$m1,"direction":"in","kind":"email","internal":false,"author":{"kind":"customer","id":$c,"name":"zofia.nowak"},"text":"Woda na podłodze po każdym praniu.\nZamówienie LH-204913.","html":null,"deliveryStatus":"none","deliveryError":null,"createdAt":"2026-03-02T09:00:00Z","attachments":[]},
        {"id":$m2,"direction":"out","kind":"email","internal":false,"author":{"kind":"api_token","id":$k,"name":"test Admin"},"text":"Dzień dobry, proszę o zdjęcie.Pozdrawiam","html":"<p>Dzień dobry, <b>proszę</b> o zdjęcie.</p><p>Pozdrawiam</p>","deliveryStatus":"queued","deliveryError":null,"createdAt":"2026-03-02T09:04:30.25Z","attachments":[{"id":$f,"fileName":"zdjęcie podłogi.png","contentType":"image/png","size":19}]},
        {"id":$m3,"direction":"out","kind":"note","internal":true,"author":{"kind":"api_token","id":$k,"name":"test Admin"},"text":"Klientka dzwoniła 2×, 50% zniżki?","html":null,"deliveryStatus":"none","deliveryError":null,"createdAt":"2026-03-02T09:05:30.25Z","attachments":[]},
        {"id":$m4,"direction":"in","kind":"web","internal":false,"author":{"kind":"customer","id":$c,"name":"zofia.nowak"},"text":"Bez odpowiedzi.","html":null,"deliveryStatus":"none","deliveryError":null,"createdAt":"2026-03-03T11:05:30.25Z","attachments":[]}],
        "events":[
        {"id":$e01,"type":"ticket.created","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"number":$n1,"channel":"email","priority":"normal","reasonId":1},"createdAt":"2026-03-02T09:00:00Z"},
        {"id":$e02,"type":"ticket.tags_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"tags":["pralka","warranty"]},"createdAt":"2026-03-02T09:00:00Z"},
        {"id":$e03,"type":"ticket.field_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"field":"custom_fields","from":{},"to":{"order_number":"LH-204913"}},"createdAt":"2026-03-02T09:00:00Z"},
        {"id":$e04,"type":"message.added","actor":{"kind":"customer","id":$c,"name":"zofia.nowak"},"data":{"direction":"in","kind":"email"},"createdAt":"2026-03-02T09:00:00Z"},
        {"id":$e05,"type":"ticket.assigned","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"from":{},"to":{"agent":$a,"team":$g}},"createdAt":"2026-03-02T09:03:00Z"},
        {"id":$e06,"type":"ticket.status_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"from":"new","to":"open"},"createdAt":"2026-03-02T09:04:30.25Z"},
        {"id":$e07,"type":"message.added","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"direction":"out","kind":"email"},"createdAt":"2026-03-02T09:04:30.25Z"},
        {"id":$e08,"type":"note.added","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{},"createdAt":"2026-03-02T09:05:30.25Z"},
        {"id":$e09,"type":"ticket.field_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"field":"subject","from":"Pralka cieknie — \"żółta\" lampka <miga> & stop","to":"Pralka cieknie"},"createdAt":"2026-03-02T11:05:30.25Z"},
        {"id":$e10,"type":"ticket.field_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"field":"priority","from":"normal","to":"high"},"createdAt":"2026-03-02T11:05:30.25Z"},
        {"id":$e11,"type":"ticket.causes_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"causes":["slow_response"]},"createdAt":"2026-03-02T11:05:30.25Z"},
        {"id":$e12,"type":"ticket.tags_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"tags":["naprawa","warranty"]},"createdAt":"2026-03-02T11:05:30.25Z"},
        {"id":$e13,"type":"ticket.field_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"field":"custom_fields","from":{"order_number":"LH-204913"},"to":{"order_number":"LH-204914","store":"Kraków, ul. Długa 5"}},"createdAt":"2026-03-02T11:05:30.25Z"},
        {"id":$e14,"type":"ticket.status_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"from":"open","to":"pending"},"createdAt":"2026-03-02T11:05:30.25Z"},
        {"id":$e17,"type":"ticket.merged_from","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"source":$n2},"createdAt":"2026-03-03T11:10:30.25Z"}]}
        """;

    // The duplicate merged into it: closed, pointing at the ticket it went to, its conversation moved away.
    private const string Closed = """
        {"id":$t2,"number":$n2,"subject":"Pralka dalej cieknie","status":"closed","priority":"normal","reason":"question","channel":"web","language":"pl","customer":{"kind":"customer","id":$c,"name":"zofia.nowak"},
        "organizationId":null,"assigneeId":null,"teamId":null,
        "tags":[],"causes":[],"customFields":{},
        "createdAt":"2026-03-03T11:05:30.25Z","updatedAt":"2026-03-03T11:10:30.25Z","firstResponseAt":null,"solvedAt":"2026-03-03T11:10:30.25Z","closedAt":"2026-03-03T11:10:30.25Z","mergedIntoNumber":$n1,"version":3,
        "messages":[
        ],
        "events":[
        {"id":$e15,"type":"ticket.created","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"number":$n2,"channel":"web","priority":"normal","reasonId":3},"createdAt":"2026-03-03T11:05:30.25Z"},
        {"id":$e16,"type":"message.added","actor":{"kind":"customer","id":$c,"name":"zofia.nowak"},"data":{"direction":"in","kind":"web"},"createdAt":"2026-03-03T11:05:30.25Z"},
        {"id":$e18,"type":"ticket.merged_into","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"target":$n1},"createdAt":"2026-03-03T11:10:30.25Z"},
        {"id":$e19,"type":"ticket.status_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"from":"new","to":"solved"},"createdAt":"2026-03-03T11:10:30.25Z"},
        {"id":$e20,"type":"ticket.status_changed","actor":{"kind":"api_token","id":$k,"name":"test Admin"},"data":{"from":"solved","to":"closed"},"createdAt":"2026-03-03T11:10:30.25Z"}]}
        """;
}
