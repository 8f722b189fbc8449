using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Sla;

/// <summary>
/// A policy as the API writes it. Targets are business minutes per priority; an entry without a priority applies
/// to every priority without its own entry. No calendar means the clock runs round the clock.
/// </summary>
public sealed record SlaPolicyRequest(
    [Required, StringLength(200, MinimumLength = 1)] string Name,
    [Required] IReadOnlyList<SlaTarget> Targets,
    int Position = 100,
    bool IsActive = true,
    long? CalendarId = null,
    bool PauseWhilePending = true,
    bool PauseWhileOnHold = true,
    SlaConditions? Conditions = null)
{
    public const int MaxMinutes = 366 * 24 * 60;

    public async Task ApplyToAsync(SlaPolicy policy, KalingaDb db, DateTime now, CancellationToken ct)
    {
        await ValidateAsync(db, ct);
        policy.Name = Name.Trim();
        policy.Position = Position;
        policy.IsActive = IsActive;
        policy.CalendarId = CalendarId;
        policy.PauseWhilePending = PauseWhilePending;
        policy.PauseWhileOnHold = PauseWhileOnHold;
        policy.Conditions = Conditions ?? new SlaConditions();
        policy.Targets = [.. Targets];
        policy.UpdatedAt = now;
    }

    private async Task ValidateAsync(KalingaDb db, CancellationToken ct)
    {
        if (Targets.Count == 0)
        {
            throw new RuleException("targets", new LocalText("Adm3_Problem.SlaTargets"));
        }

        for (var i = 0; i < Targets.Count; i++)
        {
            var t = Targets[i];
            if (Targets.Take(i).Any(o => o.Priority == t.Priority))
            {
                throw new RuleException($"targets[{i}].priority", new LocalText("Adm3_Problem.SlaPriorityOnce"));
            }

            if (Enum.GetValues<SlaMetric>().All(m => t.Minutes(m) is null))
            {
                throw new RuleException($"targets[{i}]", new LocalText("Adm3_Problem.SlaTargetMetric"));
            }

            foreach (var m in Enum.GetValues<SlaMetric>())
            {
                if (t.Minutes(m) is < 1 or > MaxMinutes)
                {
                    throw new RuleException($"targets[{i}].{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m.ToString())}", new LocalText("Adm3_Problem.SlaMinutes", MaxMinutes));
                }
            }
        }

        if (CalendarId is { } calendar && !await db.BusinessCalendars.AnyAsync(c => c.Id == calendar, ct))
        {
            throw new RuleException("calendarId", new LocalText("Adm3_Problem.NoCalendar", calendar));
        }

        if (Conditions?.Reasons is { Count: > 0 } reasons)
        {
            var known = await db.ContactReasons.Where(r => reasons.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
            if (reasons.Except(known).FirstOrDefault() is { } unknown)
            {
                throw new RuleException("conditions.reasons", new LocalText("Adm3_Problem.UnknownReason", unknown));
            }
        }

        if (Conditions?.Organizations is { Count: > 0 } organizations)
        {
            var known = await db.Organizations.Where(o => organizations.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
            if (organizations.Except(known).Any())
            {
                throw new RuleException("conditions.organizations", new LocalText("Adm3_Problem.UnknownOrganization", organizations.Except(known).First()));
            }
        }
    }
}

public sealed record SlaPolicyView(
    long Id, string Name, int Position, bool IsActive, long? CalendarId, bool PauseWhilePending, bool PauseWhileOnHold,
    SlaConditions Conditions, IReadOnlyList<SlaTarget> Targets, DateTime UpdatedAt)
{
    public static SlaPolicyView From(SlaPolicy p) =>
        new(p.Id, p.Name, p.Position, p.IsActive, p.CalendarId, p.PauseWhilePending, p.PauseWhileOnHold, p.Conditions, p.Targets, p.UpdatedAt);
}

/// <summary>One target on a ticket as agents see it.</summary>
public sealed record SlaClockView(
    SlaMetric Metric, long? PolicyId, int TargetMinutes, int Cycle, DateTime CycleStartedAt, DateTime? DueAt, DateTime? WarnAt,
    bool Paused, SlaRisk Risk, DateTime? CompletedAt, SlaOutcome? Outcome);
