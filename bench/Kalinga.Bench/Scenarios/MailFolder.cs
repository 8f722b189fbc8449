using Kalinga.Bench.Generation;
using MimeKit;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// A folder of .eml files as customers send them: plain text or text with an HTML alternative, in the four languages,
/// from known customers and new addresses, a third of them replies that carry an existing ticket's "[#number]".
/// Each <paramref name="batch"/> (0, 1, …) gives other messages: other Message-IDs, new addresses and texts.
/// </summary>
public static class MailFolder
{
    public static string Write(Plan plan, string folder, int count, int batch = 0)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var random = new Random(Plan.Seed + 2 + (1000 * batch));
        var name = batch == 0 ? "bench" : $"bench{batch}";
        var tickets = new TicketMaker(plan);
        for (var i = 0; i < count; i++)
        {
            var language = Plan.PickLanguage(random);
            var customer = TextMaker.Pick(random, plan.CustomersByLanguage[language]);
            var known = random.NextDouble() < 0.7;
            var subject = plan.Text[language].Subject(random);

            // A reply comes from the customer of the ticket it answers (Kalinga threads only those).
            if (random.NextDouble() < 0.33)
            {
                var ticket = tickets.Make(random.Next(plan.Tickets), 1).Tickets[0];
                customer = plan.Customers[(int)ticket.CustomerId - 1];
                (language, known) = (ticket.Language, true);
                subject = $"Re: {ticket.Subject} [#{ticket.Number}]";
            }

            var text = plan.Text[language];

            var body = text.Message(random, "customer", customer.Name);
            var message = new MimeMessage
            {
                Subject = subject,
                MessageId = $"{name}.{i}.{random.Next():x8}@mail.example.test",
                Date = new DateTimeOffset(plan.End).AddMinutes(i),
            };
            message.From.Add(new MailboxAddress(customer.Name, known ? customer.Email : $"{name}.mail.{i}@new.example.test"));
            message.To.Add(new MailboxAddress("Support", "support@helpdesk.test"));
            var builder = new BodyBuilder { TextBody = body };
            if (random.NextDouble() < 0.5)
            {
                builder.HtmlBody = "<html><body>" + string.Concat(body.Split("\n\n").Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>")) + "</body></html>";
            }

            message.Body = builder.ToMessageBody();
            message.WriteTo(Path.Combine(folder, $"{i:D6}.eml"));
        }

        return folder;
    }
}
