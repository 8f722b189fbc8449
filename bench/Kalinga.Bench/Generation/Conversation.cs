using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kalinga.Channels;
using Kalinga.Search;
using Kalinga.Tickets;

namespace Kalinga.Bench.Generation;

/// <summary>
/// One ticket's messages and timeline, in the order the app's domain methods would have appended them
/// (Ticket.Open, ReceiveFromCustomer, Assign, SetTags, Reply, AddNote, ChangeStatus).
/// </summary>
internal sealed class Conversation(
    TicketBatch batch, TicketRow ticket, TextMaker text, Random random, CustomerRow customer, AgentRow? agent, Channel channel)
{
    // The app's event JSON (Kalinga.Tickets.EventJson): web names, snake_case enum words, nulls left out.
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly MessageKind kind = ChannelMessages.KindOf(channel);
    private readonly (ActorKind, long)? agentActor = agent is null ? null : (ActorKind.Agent, agent.Id);
    private TicketStatus status = TicketStatus.New;
    private DateTime at = ticket.CreatedAt;
    private List<TimeSpan> gaps = [];

    public List<EventRow> Events { get; } = [];

    public DateTime LastChange => at;

    /// <summary>Phone calls and office visits are logged by the agent who took them; other channels by the customer.</summary>
    private (ActorKind, long) Opener => channel is Channel.Phone or Channel.Office && agent is not null ? (ActorKind.Agent, agent.Id) : (ActorKind.Customer, customer.Id);

    public void Open(IReadOnlyList<TagRow> tags)
    {
        Record(TicketEventTypes.Created, Opener, new { ticket.Number, channel, priority = (Priority)ticket.Priority, reasonId = ticket.ReasonId });
        Write("customer");
        if (agent is not null)
        {
            Record(TicketEventTypes.Assigned, Opener.Item1 == ActorKind.Agent ? Opener : null,
                new { from = new { agent = (long?)null, team = (long?)null }, to = new { agent = agent.Id, team = agent.TeamIds[0] } });
        }

        if (tags.Count > 0)
        {
            batch.Tags.AddRange(tags.Select(t => new TicketTagRow { TicketId = ticket.Id, TagId = t.Id }));
            Record(TicketEventTypes.TagsChanged, agentActor, new { tags = tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray() });
        }
    }

    /// <summary>
    /// Replies, answers and notes at gaps of minutes to days, squeezed so the last change is before <paramref name="end"/>.
    /// On a ticket still new, only the customer writes again.
    /// </summary>
    public void Continue(int replies, DateTime end, bool answered)
    {
        gaps = [.. Enumerable.Range(0, replies + 2).Select(_ => TimeSpan.FromMinutes(5 + (-Math.Log(1 - random.NextDouble()) * 360)))];
        var room = end - ticket.CreatedAt - TimeSpan.FromMinutes(1);
        var total = gaps.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        if (total > room)
        {
            gaps = [.. gaps.Select(g => g * (room / total))];
        }

        for (var i = 0; i < replies; i++)
        {
            at += gaps[i];
            var fromAgent = answered && agent is not null && (i % 2 == 0 || random.NextDouble() < 0.2);
            if (fromAgent && random.NextDouble() < 0.15)
            {
                Write("note");
            }
            else if (fromAgent)
            {
                Write("agent");
                ticket.FirstResponseAt ??= at;
                Move(TicketStatus.Open, agentActor);
            }
            else
            {
                Write("customer");
            }
        }
    }

    /// <summary>Where the ticket stands now: waiting, solved, or closed after a solve. A ticket nobody answered stays new.</summary>
    public void Settle(TicketStatus final)
    {
        if (final == TicketStatus.New)
        {
            return;
        }

        at += gaps[^2];
        Move(TicketStatus.Open, agentActor);
        Move(final == TicketStatus.Closed ? TicketStatus.Solved : final, agentActor);
        if (final == TicketStatus.Closed)
        {
            at += gaps[^1];
            Move(TicketStatus.Closed, null);
        }
    }

    private void Move(TicketStatus to, (ActorKind, long)? actor)
    {
        if (to == status)
        {
            return;
        }

        Record(TicketEventTypes.StatusChanged, actor, new { from = status, to });
        status = to;
        ticket.SolvedAt = to == TicketStatus.Solved ? at : to == TicketStatus.Closed ? ticket.SolvedAt : null;
        ticket.ClosedAt = to == TicketStatus.Closed ? at : null;
    }

    private void Write(string author)
    {
        var inbound = author == "customer";
        var body = text.Message(random, author, inbound ? customer.Name : agent!.Name);
        var isEmail = kind == MessageKind.Email;
        var message = new MessageRow
        {
            TicketId = ticket.Id,
            Direction = (inbound ? MessageDirection.In : MessageDirection.Out).ToString(),
            Kind = (author == "note" ? MessageKind.Note : kind).ToString(),
            AuthorKind = (inbound ? ActorKind.Customer : ActorKind.Agent).ToString(),
            AuthorId = inbound ? customer.Id : agent!.Id,
            Text = body,
            Html = isEmail && random.NextDouble() < 0.3 ? Html(body) : null,
            ExternalId = isEmail && author != "note"
                ? $"<{ticket.Number}.{batch.Messages.Count}.{random.Next():x8}@{(inbound ? "mail.example.test" : "helpdesk.test")}>"
                : null,
            DeliveryStatus = (isEmail && author == "agent" ? DeliveryStatus.Sent : DeliveryStatus.None).ToString(),
            CreatedAt = at,
            SearchText = TextFolding.ForIndex(body),
        };
        batch.Messages.Add(message);
        var actor = inbound ? Opener : agentActor;
        if (author == "note")
        {
            Record(TicketEventTypes.NoteAdded, actor, null, message);
        }
        else
        {
            Record(TicketEventTypes.MessageAdded, actor, new { direction = inbound ? MessageDirection.In : MessageDirection.Out, kind }, message);
        }
    }

    private void Record(string type, (ActorKind Kind, long Id)? actor, object? data, MessageRow? message = null) =>
        Events.Add(new EventRow
        {
            TicketId = ticket.Id,
            CustomerId = customer.Id,
            Message = message,
            Type = type,
            ActorKind = (actor?.Kind ?? ActorKind.System).ToString(),
            ActorId = actor?.Id,
            Data = data is null ? "{}" : JsonSerializer.Serialize(data, EventJson),
            CreatedAt = at,
        });

    private static string Html(string text) =>
        string.Concat(text.Split("\n\n").Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"));
}
