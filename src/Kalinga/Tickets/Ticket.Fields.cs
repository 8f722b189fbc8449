namespace Kalinga.Tickets;

/// <summary>Who works on the ticket and how it is classified: assignment, subject, priority, language, reason, custom fields, tags and causes.</summary>
public sealed partial class Ticket
{
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
            throw new RuleException("causes", new LocalText("Loc4_Problem.Tickets.CausesNeedComplaint"));
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
}
