using System.Text.Json;
using Kalinga.Agents;
using Kalinga.Automation;
using Kalinga.Data;

namespace Kalinga.Demo;

/// <summary>The demo company's rules and macros, with customer-facing texts in English, Filipino, Polish and Italian.</summary>
public static class DemoRules
{
    public static void Add(KalingaDb db, IReadOnlyDictionary<string, Team> teams, DateTime now)
    {
        Rule[] rules =
        [
            Trigger("Complaints: high priority and a heads-up", 10, [TriggerEvents.TicketCreated], [Is("reason", "complaint")],
                new RuleAction(RuleAction.Set, Field: "priority", Value: V("high")),
                new RuleAction(RuleAction.AddTags, Tags: ["complaint"]),
                new RuleAction(RuleAction.Note, Templates: En("Complaint from {{customer.name}}: call back within one business day and record the dissatisfaction causes."))),
            Trigger("Technical requests go to Technical Service", 20, [TriggerEvents.TicketCreated], [Is("reason", "technical_service")],
                new RuleAction(RuleAction.Assign, TeamId: teams["Technical Service"].Id)),
            Trigger("Acknowledge e-mail and web requests", 30, [TriggerEvents.TicketCreated], [In("channel", "email", "web")],
                new RuleAction(RuleAction.Reply, Templates: new Dictionary<string, string>
                {
                    ["en"] = "Hello {{customer.first_name}}, thank you for contacting Lumen Home. We have received your request number {{ticket.number}} and will answer within 24 hours.",
                    ["fil"] = "Magandang araw, {{customer.first_name}}! Salamat sa pakikipag-ugnayan sa Lumen Home. Natanggap namin ang iyong kahilingan bilang {{ticket.number}} at sasagutin ka namin sa loob ng 24 na oras.",
                    ["pl"] = "Dzień dobry, {{customer.first_name}}! Dziękujemy za kontakt z Lumen Home. Otrzymaliśmy zgłoszenie numer {{ticket.number}} i odpowiemy w ciągu 24 godzin.",
                    ["it"] = "Buongiorno {{customer.first_name}}, grazie per aver contattato Lumen Home. Abbiamo ricevuto la richiesta numero {{ticket.number}} e le risponderemo entro 24 ore.",
                })),
            Trigger("SLA breached: tell the team", 40, [TriggerEvents.SlaBreached], [],
                new RuleAction(RuleAction.AddTags, Tags: ["sla-breached"]),
                new RuleAction(RuleAction.Notify, To: "team", Templates: En("Ticket {{ticket.number}} ({{ticket.subject}}) missed its target; please take it now."))),
            Automation("Remind the customer after 3 days pending", 10, "pending", 72,
                new RuleAction(RuleAction.Reply, Templates: new Dictionary<string, string>
                {
                    ["en"] = "Hello {{customer.first_name}}, we are still waiting for your answer about {{ticket.subject}} (request {{ticket.number}}). Just reply to this message and we will continue.",
                    ["fil"] = "Magandang araw, {{customer.first_name}}. Hinihintay pa rin namin ang iyong sagot tungkol sa {{ticket.subject}} (kahilingan {{ticket.number}}). Sumagot lamang sa mensaheng ito at itutuloy namin.",
                    ["pl"] = "Dzień dobry, {{customer.first_name}}. Nadal czekamy na odpowiedź w sprawie: {{ticket.subject}} (zgłoszenie {{ticket.number}}). Wystarczy odpowiedzieć na tę wiadomość, a będziemy kontynuować.",
                    ["it"] = "Buongiorno {{customer.first_name}}, stiamo ancora aspettando la sua risposta su {{ticket.subject}} (richiesta {{ticket.number}}). Risponda a questo messaggio e proseguiremo.",
                })),
            Automation("Close 4 days after solved", 20, "solved", 96, new RuleAction(RuleAction.Set, Field: "status", Value: V("closed"))),
        ];
        foreach (var rule in rules)
        {
            rule.UpdatedAt = now;
        }

        db.Rules.AddRange(rules);

        db.Macros.AddRange(
            Macro("Refund approved", [new RuleAction(RuleAction.AddTags, Tags: ["refund"]), new RuleAction(RuleAction.Set, Field: "status", Value: V("solved"))], new()
            {
                ["en"] = "Dear {{customer.first_name}}, we have approved your refund for request {{ticket.number}}. The money will be back on your account within 5 to 7 business days.\n\nKind regards,\n{{agent.name}}, Lumen Home",
                ["fil"] = "Mahal na {{customer.first_name}}, inaprubahan na namin ang iyong refund para sa kahilingan {{ticket.number}}. Maibabalik ang pera sa iyong account sa loob ng 5 hanggang 7 araw ng trabaho.\n\nLubos na gumagalang,\n{{agent.name}}, Lumen Home",
                ["pl"] = "Dzień dobry {{customer.first_name}}, zatwierdziliśmy zwrot pieniędzy w sprawie zgłoszenia {{ticket.number}}. Środki wrócą na konto w ciągu 5–7 dni roboczych.\n\nZ poważaniem\n{{agent.name}}, Lumen Home",
                ["it"] = "Gentile {{customer.first_name}}, abbiamo approvato il rimborso per la richiesta {{ticket.number}}. Il denaro tornerà sul suo conto entro 5-7 giorni lavorativi.\n\nCordiali saluti,\n{{agent.name}}, Lumen Home",
            }, now),
            Macro("Ask for the order number", [new RuleAction(RuleAction.Set, Field: "status", Value: V("pending"))], new()
            {
                ["en"] = "Hello {{customer.first_name}}, to look into this we need your order number. You will find it in the order confirmation e-mail; it starts with LH-. Thank you!\n{{agent.name}}",
                ["fil"] = "Magandang araw, {{customer.first_name}}! Para masuri namin ito, kailangan namin ang numero ng iyong order. Makikita mo ito sa e-mail ng kumpirmasyon ng order; nagsisimula ito sa LH-. Salamat!\n{{agent.name}}",
                ["pl"] = "Dzień dobry {{customer.first_name}}, aby to sprawdzić, potrzebujemy numeru zamówienia. Znajdziesz go w e-mailu z potwierdzeniem zamówienia; zaczyna się od LH-. Dziękujemy!\n{{agent.name}}",
                ["it"] = "Buongiorno {{customer.first_name}}, per verificare abbiamo bisogno del numero d'ordine. Lo trova nell'e-mail di conferma dell'ordine; inizia con LH-. Grazie!\n{{agent.name}}",
            }, now),
            Macro("Technician visit booked", [new RuleAction(RuleAction.AddTags, Tags: ["technician-visit"]), new RuleAction(RuleAction.Set, Field: "status", Value: V("on_hold"))], new()
            {
                ["en"] = "Hello {{customer.first_name}}, we have booked a technician visit for request {{ticket.number}}. The technician will call you the day before to agree on a time.\n{{agent.name}}, Lumen Home",
                ["fil"] = "Magandang araw, {{customer.first_name}}! Nag-book na kami ng pagbisita ng technician para sa kahilingan {{ticket.number}}. Tatawagan ka ng technician isang araw bago nito para magkasundo sa oras.\n{{agent.name}}, Lumen Home",
                ["pl"] = "Dzień dobry {{customer.first_name}}, umówiliśmy wizytę technika w sprawie zgłoszenia {{ticket.number}}. Technik zadzwoni dzień wcześniej, aby ustalić godzinę.\n{{agent.name}}, Lumen Home",
                ["it"] = "Buongiorno {{customer.first_name}}, abbiamo fissato la visita di un tecnico per la richiesta {{ticket.number}}. Il tecnico la chiamerà il giorno prima per concordare l'orario.\n{{agent.name}}, Lumen Home",
            }, now));
    }

    private static Rule Trigger(string name, int position, string[] events, RuleCondition[] all, params RuleAction[] actions) =>
        new(name, RuleKind.Trigger, DateTime.UnixEpoch) { Position = position, Events = [.. events], Conditions = new RuleConditions(all), Actions = [.. actions] };

    private static Rule Automation(string name, int position, string status, int hours, params RuleAction[] actions) =>
        new(name, RuleKind.Automation, DateTime.UnixEpoch)
        {
            Position = position,
            Conditions = new RuleConditions([Is("status", status), new RuleCondition("hours_since_status_change", RuleFields.Gte, V(hours))]),
            Actions = [.. actions],
        };

    private static Macro Macro(string name, List<RuleAction> actions, Dictionary<string, string> templates, DateTime now) =>
        new(name, now) { Actions = actions, Templates = templates };

    private static RuleCondition Is(string field, string value) => new(field, RuleFields.Is, V(value));

    private static RuleCondition In(string field, params string[] values) => new(field, RuleFields.In, V(values));

    private static Dictionary<string, string> En(string text) => new() { ["en"] = text };

    private static JsonElement V(object value) => JsonSerializer.SerializeToElement(value);
}
