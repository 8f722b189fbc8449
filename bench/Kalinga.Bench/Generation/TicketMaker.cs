using Kalinga.Channels;
using Kalinga.Tickets;

namespace Kalinga.Bench.Generation;

/// <summary>
/// Makes tickets as the app would have recorded them: a customer's first message, agent replies, customer answers and
/// notes over hours or days, the status moves that go with them, and one timeline event per change, all dispatched.
/// Older tickets are mostly solved or closed; the last weeks hold the open work, as on a real desk.
/// </summary>
public sealed class TicketMaker(Plan plan)
{
    public TicketBatch Make(int firstIndex, int count)
    {
        var batch = new TicketBatch();
        for (var index = firstIndex; index < firstIndex + count && index < plan.Tickets; index++)
        {
            MakeOne(batch, index);
        }

        return batch;
    }

    private void MakeOne(TicketBatch batch, int index)
    {
        // One seed per ticket (not HashCode, which is salted per process): the same ticket comes out in every run,
        // whatever the batch size or the number of threads.
        var random = new Random(unchecked((Plan.Seed * 1_000_003) + index));
        var language = Plan.PickLanguage(random);
        var customers = plan.CustomersByLanguage[language];

        // Squaring skews choices to the front of the list: a few customers write often, most write once or twice.
        var customer = customers[(int)(customers.Length * Math.Pow(random.NextDouble(), 2))];
        var created = plan.Start + (plan.End - plan.Start) * ((index + random.NextDouble()) / plan.Tickets);
        var status = PickStatus(random, (double)index / plan.Tickets);
        var channel = PickChannel(random);
        var agent = status == TicketStatus.New && random.NextDouble() < 0.7 ? null : TextMaker.Pick(random, plan.AgentsByLanguage[language]);
        var ticket = new TicketRow
        {
            Id = index + 1,
            Number = Kalinga.Data.TicketNumbers.First + index,
            Subject = plan.Text[language].Subject(random),
            ReasonId = PickReason(random),
            Priority = random.NextDouble() switch { < 0.15 => 0, < 0.75 => 1, < 0.95 => 2, _ => 3 },
            Channel = channel.ToString(),
            CustomerId = customer.Id,
            OrganizationId = customer.OrganizationId,
            AssigneeId = agent?.Id,
            TeamId = agent?.TeamIds[0],
            Language = language,
            CreatedAt = created,
            Status = status.ToString(),
        };
        batch.Tickets.Add(ticket);

        var conversation = new Conversation(batch, ticket, plan.Text[language], random, customer, agent, channel);
        conversation.Open(PickTags(random));
        var replies = status == TicketStatus.New ? random.Next(0, 2) : random.Next(1, 5) + random.Next(0, 4);
        conversation.Continue(replies, plan.End, answered: status != TicketStatus.New);
        conversation.Settle(status);
        ticket.UpdatedAt = conversation.LastChange;
        ticket.Version = conversation.Events.Count - 1;
        batch.Events.AddRange(conversation.Events);
    }

    /// <summary>Of tickets older than the last 5 % of the span, nearly all are done; the newest hold the open work.</summary>
    private static TicketStatus PickStatus(Random random, double age)
    {
        var r = random.NextDouble();
        if (age < 0.95)
        {
            return r switch { < 0.70 => TicketStatus.Closed, < 0.97 => TicketStatus.Solved, < 0.985 => TicketStatus.Pending, _ => TicketStatus.OnHold };
        }

        return r switch
        {
            < 0.12 => TicketStatus.New,
            < 0.45 => TicketStatus.Open,
            < 0.62 => TicketStatus.Pending,
            < 0.67 => TicketStatus.OnHold,
            < 0.87 => TicketStatus.Solved,
            _ => TicketStatus.Closed,
        };
    }

    private static Channel PickChannel(Random random) => random.NextDouble() switch
    {
        < 0.50 => Channel.Email,
        < 0.70 => Channel.Web,
        < 0.80 => Channel.Chat,
        < 0.90 => Channel.Phone,
        < 0.95 => Channel.Social,
        < 0.98 => Channel.Office,
        _ => Channel.Api,
    };

    /// <summary>Contact reasons 1–7 (complaint … after-sales), questions and orders most often.</summary>
    private static int PickReason(Random random) => random.NextDouble() switch
    {
        < 0.15 => 1,
        < 0.20 => 2,
        < 0.45 => 3,
        < 0.55 => 4,
        < 0.70 => 5,
        < 0.90 => 6,
        _ => 7,
    };

    private List<TagRow> PickTags(Random random)
    {
        var count = random.NextDouble() switch { < 0.4 => 0, < 0.75 => 1, < 0.93 => 2, _ => 3 };
        var tags = new List<TagRow>(count);
        while (tags.Count < count)
        {
            var tag = TextMaker.Pick(random, plan.Tags);
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }
}
