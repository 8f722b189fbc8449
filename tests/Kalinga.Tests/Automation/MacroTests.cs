using System.Net;
using Kalinga.Automation;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Automation;

public sealed class MacroTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static readonly Dictionary<string, string> Refund = new()
    {
        ["en"] = "Dear {{customer.first_name}}, your refund for ticket {{ticket.number}} is on its way. {{agent.name}}",
        ["pl"] = "Szanowna Pani {{customer.first_name}}, zwrot pieniędzy za zgłoszenie {{ticket.number}} został zlecony. Pozdrawiam, {{agent.name}}",
        ["fil"] = "Mahal na {{customer.first_name}}, ipinadala na ang refund para sa tiket {{ticket.number}}. {{agent.name}}",
    };

    [Fact]
    public async Task A_macro_applied_to_a_polish_ticket_replies_in_polish_and_takes_its_actions()
    {
        var client = await app.ClientAsync();
        var macro = await CreateMacroAsync(client, "Refund sent", Refund);
        var ticket = await client.CreateTicketAsync(subject: "Zwrot za pralkę", email: "kasia@example.test",
            extra: new { language = "pl", customer = new { email = "kasia@example.test", name = "Katarzyna Wiśniewska" } });

        var preview = await client.GetAsync<MacroPreview>($"/api/v1/tickets/{ticket.Number}/macros/{macro}/preview");
        var applied = await (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/macros/{macro}/apply", new { })).ReadAsync<TicketDetails>();

        var reply = applied.Messages.Single(m => m.Direction == MessageDirection.Out);
        Assert.Equal($"Szanowna Pani Katarzyna, zwrot pieniędzy za zgłoszenie {ticket.Number} został zlecony. Pozdrawiam, test Admin", reply.Text);
        Assert.Equal(("pl", reply.Text), (preview.Language, preview.Text));
        Assert.Equal(["refund"], applied.Tags);
        Assert.Equal(TicketStatus.Pending, applied.Status);
        Assert.Equal("Refund sent", applied.Events.Single(e => e.Type == AutomationEventTypes.MacroApplied).Data.Element.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_ticket_in_a_language_the_macro_lacks_gets_the_english_variant()
    {
        var client = await app.ClientAsync();
        var macro = await CreateMacroAsync(client, "Refund sent (it fallback)", Refund);
        var ticket = await client.CreateTicketAsync(subject: "Rimborso", email: "luca@example.test",
            extra: new { language = "it", customer = new { email = "luca@example.test", name = "Luca Bianchi" } });

        var preview = await client.GetAsync<MacroPreview>($"/api/v1/tickets/{ticket.Number}/macros/{macro}/preview");

        Assert.Equal(("en", $"Dear Luca, your refund for ticket {ticket.Number} is on its way. test Admin"), (preview.Language, preview.Text));
    }

    [Fact]
    public async Task A_macro_with_a_reply_action_or_an_unknown_placeholder_is_refused_naming_the_field()
    {
        var client = await app.ClientAsync();

        var action = await (await client.PostAsync("/api/v1/macros", new { name = "x", actions = new[] { new { type = "reply", templates = new { en = "hi" } } } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var placeholder = await (await client.PostAsync("/api/v1/macros", new { name = "x", templates = new { en = "hi", pl = "Cześć {{klient.imie}}" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("actions[0].type", action.Errors!.Keys);
        Assert.Contains("templates.pl", placeholder.Errors!.Keys);
    }

    [Fact]
    public async Task A_macro_applied_from_the_workspace_takes_its_actions_but_leaves_the_polish_reply_for_the_agent_to_send()
    {
        var client = await app.ClientAsync();
        var macro = await CreateMacroAsync(client, "Refund sent (drafted)", Refund);
        var ticket = await client.CreateTicketAsync(subject: "Zwrot za zmywarkę", email: "ola@example.test",
            extra: new { language = "pl", customer = new { email = "ola@example.test", name = "Aleksandra Nowak" } });
        var actor = await app.WithDbAsync(db => Task.FromResult(Actor.Token(db.ApiTokens.OrderByDescending(t => t.Id).First().Id)));

        var drafted = await app.WithScopeAsync(sp => sp.GetRequiredService<ApplyMacro>().DraftAsync(ticket.Number, macro, actor, CancellationToken.None));
        var after = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}");

        Assert.Equal(("pl", $"Szanowna Pani Aleksandra, zwrot pieniędzy za zgłoszenie {ticket.Number} został zlecony. Pozdrawiam, test Admin"), (drafted!.Language, drafted.Text));
        Assert.DoesNotContain(after.Messages, m => m.Direction == MessageDirection.Out);
        Assert.Equal(TicketStatus.Pending, after.Status);
        Assert.Equal(["refund"], after.Tags);
        Assert.Equal("drafted", after.Events.Single(e => e.Type == AutomationEventTypes.MacroApplied).Data.Element.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task The_editor_previews_unsaved_templates_on_a_ticket_in_its_language()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(subject: "Rimborso lavatrice", email: "giada@example.test",
            extra: new { language = "it", customer = new { email = "giada@example.test", name = "Giada Russo" } });

        var preview = await app.WithScopeAsync(sp => sp.GetRequiredService<ApplyMacro>().PreviewAsync(
            ticket.Number, new Dictionary<string, string> { ["en"] = "Hi {{customer.first_name}}", ["it"] = "Gentile {{customer.first_name}}, richiesta {{ticket.number}}" },
            Actor.System, CancellationToken.None));

        Assert.Equal(("it", $"Gentile Giada, richiesta {ticket.Number}"), (preview!.Language, preview.Text));
    }

    private static async Task<long> CreateMacroAsync(HttpClient client, string name, Dictionary<string, string> templates) =>
        (await (await client.PostAsync("/api/v1/macros", new
        {
            name,
            templates,
            actions = new object[] { new { type = "add_tags", tags = new[] { "refund" } }, new { type = "set", field = "status", value = "pending" } },
        })).ReadAsync<MacroView>(HttpStatusCode.Created)).Id;
}
