using Kalinga.Channels;
using Kalinga.Sla;

namespace Kalinga.Tickets;

/// <summary>
/// One case. Every method that changes state also appends the <see cref="TicketEvent"/> that records it,
/// so no caller can change a ticket without the change showing on its timeline.
/// </summary>
public sealed class Ticket
{
    private Ticket()
    {
    }

    public long Id { get; private set; }

    public long Number { get; private set; }

    public string Subject { get; private set; } = "";

    public int ReasonId { get; private set; }

    public TicketStatus Status { get; private set; }

    public Priority Priority { get; private set; }

    public Channel Channel { get; private set; }

    public long CustomerId { get; private set; }

    public long? OrganizationId { get; private set; }

    public long? AssigneeId { get; private set; }

    public long? TeamId { get; private set; }

    public string Language { get; private set; } = "en";

    public Dictionary<string, string> CustomFields { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the status last changed; time-based rules ("pending for 3 days") count from it.</summary>
    public DateTime StatusChangedAt { get; private set; }

    public DateTime? FirstResponseAt { get; private set; }

    public DateTime? SolvedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public long? MergedIntoId { get; private set; }

    /// <summary>Bumped on every change; EF uses it to refuse a write based on a stale read.</summary>
    public int Version { get; private set; }

    public List<Message> Messages { get; private set; } = [];

    public List<TicketEvent> Events { get; private set; } = [];

    public List<TicketTag> Tags { get; private set; } = [];

    public List<TicketCause> Causes { get; private set; } = [];

    public List<TicketLink> Links { get; private set; } = [];

    /// <summary>The ticket's SLA targets, kept by the SLA handler; read-only here.</summary>
    public List<SlaClock> SlaClocks { get; private set; } = [];

    public bool IsOpenForWork => Status is not (TicketStatus.Solved or TicketStatus.Closed);

    public static Ticket Open(
        long number,
        string subject,
        int reasonId,
        Channel channel,
        long customerId,
        long? organizationId,
        string language,
        Priority priority,
        Actor actor,
        DateTime now,
        bool automated = false)
    {
        var ticket = new Ticket
        {
            Number = number,
            Subject = subject.Trim(),
            ReasonId = reasonId,
            Status = TicketStatus.New,
            Priority = priority,
            Channel = channel,
            CustomerId = customerId,
            OrganizationId = organizationId,
            Language = language,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
        };
        TicketEvent.For(ticket, TicketEventTypes.Created, actor, now,
            automated ? new { ticket.Number, channel, priority, reasonId, automated } : new { ticket.Number, channel, priority, reasonId });
        return ticket;
    }

    /// <summary>Adds a message from the customer. A customer writing back reopens a ticket that waits or was solved.</summary>
    /// <summary>
    /// A message from the customer's side. It reopens a waiting or solved ticket, unless it is <paramref name="automated"/>
    /// (an out-of-office note, an auto-reply): that one is kept on the timeline but changes nothing, since nobody wrote it.
    /// </summary>
    public void ReceiveFromCustomer(Message message, DateTime now, bool automated = false)
    {
        if (Status == TicketStatus.Closed)
        {
            throw new RuleException("ticket", "A closed ticket takes no new messages; open a follow-up ticket.");
        }

        AppendMessage(message, now, automated);
        if (!automated && Status is TicketStatus.Pending or TicketStatus.OnHold or TicketStatus.Solved)
        {
            ChangeStatusCore(TicketStatus.Open, message.Author, now);
        }
    }

    /// <summary>An agent's public answer. The first one stamps the first response; a new ticket becomes open.</summary>
    public void Reply(Message message, TicketStatus? newStatus, DateTime now)
    {
        if (Status == TicketStatus.Closed)
        {
            throw new RuleException("ticket", "A closed ticket cannot be answered; open a follow-up ticket.");
        }

        AppendMessage(message, now);
        FirstResponseAt ??= now;
        var target = newStatus ?? (Status == TicketStatus.New ? TicketStatus.Open : Status);
        if (target != Status)
        {
            ChangeStatus(target, message.Author, now);
        }
    }

    /// <summary>
    /// A message Kalinga sends by itself (a receipt, a notification): on the timeline and in the outbox, but nobody's
    /// answer, so it neither stamps the first response nor changes the status.
    /// </summary>
    public void SendAutomatic(Message message, DateTime now)
    {
        if (Status == TicketStatus.Closed)
        {
            throw new RuleException("ticket", "A closed ticket takes no new messages.");
        }

        AppendMessage(message, now);
    }

    public void AddNote(Message note, DateTime now)
    {
        Messages.Add(note);
        Touch(now);
        TicketEvent.For(this, TicketEventTypes.NoteAdded, note.Author, now, message: note);
    }

    public void ChangeStatus(TicketStatus to, Actor actor, DateTime now)
    {
        if (to == Status)
        {
            return;
        }

        if (Status == TicketStatus.Closed)
        {
            throw new RuleException("status", "A closed ticket cannot change status; open a follow-up ticket.");
        }

        if (to == TicketStatus.Closed && Status != TicketStatus.Solved)
        {
            throw new RuleException("status", "Only a solved ticket can be closed.");
        }

        if (to == TicketStatus.New)
        {
            throw new RuleException("status", "A ticket cannot go back to new.");
        }

        ChangeStatusCore(to, actor, now);
    }

    public void Assign(long? agentId, long? teamId, Actor actor, DateTime now)
    {
        if (agentId == AssigneeId && teamId == TeamId)
        {
            return;
        }

        TicketEvent.For(this, TicketEventTypes.Assigned, actor, now, new
        {
            from = new { agent = AssigneeId, team = TeamId },
            to = new { agent = agentId, team = teamId },
        });
        AssigneeId = agentId;
        TeamId = teamId;
        Touch(now);
    }

    public void Rename(string subject, Actor actor, DateTime now) =>
        SetField("subject", Subject, subject.Trim(), v => Subject = v, actor, now);

    public void Prioritize(Priority priority, Actor actor, DateTime now) =>
        SetField("priority", Priority, priority, v => Priority = v, actor, now);

    public void SetLanguage(string language, Actor actor, DateTime now) =>
        SetField("language", Language, language, v => Language = v, actor, now);

    public void Classify(int reasonId, Actor actor, DateTime now) =>
        SetField("reason", ReasonId, reasonId, v => ReasonId = v, actor, now);

    public void SetCustomFields(IReadOnlyDictionary<string, string?> changes, Actor actor, DateTime now)
    {
        var next = new Dictionary<string, string>(CustomFields);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                next.Remove(key);
            }
            else
            {
                next[key] = value;
            }
        }

        if (next.Count == CustomFields.Count && next.All(kv => CustomFields.TryGetValue(kv.Key, out var v) && v == kv.Value))
        {
            return;
        }

        TicketEvent.For(this, TicketEventTypes.FieldChanged, actor, now, new { field = "custom_fields", from = CustomFields, to = next });
        CustomFields = next;
        Touch(now);
    }

    /// <summary>Replaces the tags; the caller loads <see cref="Tags"/> first. Unsaved tags (Id 0) are added.</summary>
    public void SetTags(IReadOnlyCollection<Tag> tags, Actor actor, DateTime now)
    {
        var current = Tags.Select(t => t.TagId).ToHashSet();
        var kept = tags.Where(t => t.Id != 0).Select(t => t.Id).ToHashSet();
        if (tags.All(t => t.Id != 0) && current.SetEquals(kept))
        {
            return;
        }

        Tags.RemoveAll(link => !kept.Contains(link.TagId));
        foreach (var tag in tags.Where(t => t.Id == 0 || !current.Contains(t.Id)))
        {
            Tags.Add(new TicketTag(this, tag));
        }

        TicketEvent.For(this, TicketEventTypes.TagsChanged, actor, now, new { tags = tags.Select(t => t.Name).Order().ToArray() });
        Touch(now);
    }

    public void SetCauses(IReadOnlyCollection<DissatisfactionCause> causes, bool isComplaint, Actor actor, DateTime now)
    {
        if (causes.Count > 0 && !isComplaint)
        {
            throw new RuleException("causes", "Dissatisfaction causes belong to complaints; set the contact reason to complaint first.");
        }

        var current = Causes.Select(c => c.CauseId).ToHashSet();
        if (current.SetEquals(causes.Select(c => c.Id)))
        {
            return;
        }

        Causes.RemoveAll(c => !causes.Any(w => w.Id == c.CauseId));
        foreach (var cause in causes.Where(c => !current.Contains(c.Id)))
        {
            Causes.Add(new TicketCause(this, cause));
        }

        TicketEvent.For(this, TicketEventTypes.CausesChanged, actor, now, new { causes = causes.Select(c => c.Code).Order().ToArray() });
        Touch(now);
    }

    /// <summary>Moves this ticket's conversation into <paramref name="target"/> and closes this one.</summary>
    public void MergeInto(Ticket target, Actor actor, DateTime now)
    {
        if (target.Id == Id)
        {
            throw new RuleException("target", "A ticket cannot be merged into itself.");
        }

        if (MergedIntoId is not null || target.MergedIntoId is not null)
        {
            throw new RuleException("target", "A merged ticket cannot be merged again.");
        }

        if (target.Status == TicketStatus.Closed)
        {
            throw new RuleException("target", "A ticket cannot be merged into a closed ticket.");
        }

        foreach (var message in Messages.ToList())
        {
            Messages.Remove(message);
            target.Messages.Add(message);
        }

        MergedIntoId = target.Id;
        TicketEvent.For(this, TicketEventTypes.MergedInto, actor, now, new { target = target.Number });
        TicketEvent.For(target, TicketEventTypes.MergedFrom, actor, now, new { source = Number });
        if (Status != TicketStatus.Solved)
        {
            ChangeStatusCore(TicketStatus.Solved, actor, now);
        }

        ChangeStatusCore(TicketStatus.Closed, actor, now);
        target.Touch(now);
    }

    /// <summary>Links two tickets both ways; the caller loads <see cref="Links"/> of both first.</summary>
    public void LinkTo(Ticket other, Actor actor, DateTime now)
    {
        if (other.Id == Id)
        {
            throw new RuleException("ticket", "A ticket cannot be linked to itself.");
        }

        if (Links.Any(l => l.LinkedTicketId == other.Id))
        {
            return;
        }

        Links.Add(new TicketLink(Id, other.Id, now));
        other.Links.Add(new TicketLink(other.Id, Id, now));
        TicketEvent.For(this, TicketEventTypes.Linked, actor, now, new { ticket = other.Number });
        TicketEvent.For(other, TicketEventTypes.Linked, actor, now, new { ticket = Number });
        Touch(now);
        other.Touch(now);
    }

    /// <summary>Removes the link both ways; the caller loads <see cref="Links"/> of both first.</summary>
    public void UnlinkFrom(Ticket other, Actor actor, DateTime now)
    {
        if (Links.RemoveAll(l => l.LinkedTicketId == other.Id) + other.Links.RemoveAll(l => l.LinkedTicketId == Id) == 0)
        {
            return;
        }

        TicketEvent.For(this, TicketEventTypes.Unlinked, actor, now, new { ticket = other.Number });
        TicketEvent.For(other, TicketEventTypes.Unlinked, actor, now, new { ticket = Number });
        Touch(now);
        other.Touch(now);
    }

    /// <summary>Moves the ticket to another customer (after the two customers were merged).</summary>
    internal void MoveToCustomer(long customerId, long? organizationId, DateTime now)
    {
        CustomerId = customerId;
        OrganizationId ??= organizationId;
        Touch(now);
    }

    private void AppendMessage(Message message, DateTime now, bool automated = false)
    {
        Messages.Add(message);
        Touch(now);
        TicketEvent.For(this, TicketEventTypes.MessageAdded, message.Author, now,
            automated ? new { message.Direction, message.Kind, automated } : new { message.Direction, message.Kind }, message);
    }

    private void ChangeStatusCore(TicketStatus to, Actor actor, DateTime now)
    {
        TicketEvent.For(this, TicketEventTypes.StatusChanged, actor, now, new { from = Status, to });
        Status = to;
        StatusChangedAt = now;
        if (to == TicketStatus.Solved)
        {
            SolvedAt = now;
        }
        else if (to == TicketStatus.Closed)
        {
            ClosedAt = now;
        }
        else
        {
            SolvedAt = null;
        }

        Touch(now);
    }

    private void SetField<T>(string field, T current, T value, Action<T> set, Actor actor, DateTime now)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return;
        }

        TicketEvent.For(this, TicketEventTypes.FieldChanged, actor, now, new { field, from = current, to = value });
        set(value);
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
