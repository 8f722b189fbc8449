using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using SupportedLanguages = Kalinga.Localization.Languages;

namespace Kalinga.Agents;

/// <summary>A person who works tickets: an agent, a supervisor or an admin.</summary>
public sealed class Agent
{
    public const int MinPasswordLength = 10;

    /// <summary>Hashing is deliberately slow, so the length is capped to keep one request from costing seconds.</summary>
    public const int MaxPasswordLength = 256;

    private Agent()
    {
    }

    public Agent(string name, string email, AgentRole role, DateTime now)
    {
        Rename(name);
        ChangeEmail(email);
        Role = role;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public AgentRole Role { get; set; }

    /// <summary>The languages this agent answers in (en, fil, pl, it); routing uses them.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>The agent's own UI language.</summary>
    public string UiLanguage { get; set; } = "en";

    /// <summary>An agent who leaves is deactivated, never deleted, so the tickets and timelines they worked on keep their name.</summary>
    public bool IsActive { get; set; } = true;

    public string? PasswordHash { get; set; }

    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime CreatedAt { get; private set; }

    public List<Team> Teams { get; private set; } = [];

    /// <summary>E-mail addresses are compared as typed but case-folded: people do not remember how they capitalised them.</summary>
    public static string NormalizeEmail(string? email) => email?.Trim().ToLowerInvariant() ?? "";

    public void Rename(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        Name = trimmed.Length is >= 1 and <= 200 ? trimmed : throw new RuleException("name", new LocalText("Adm3_Problem.Name200"));
    }

    public void ChangeEmail(string? email)
    {
        var normalized = NormalizeEmail(email);
        var valid = normalized.Length <= 320 && MailAddress.TryCreate(normalized, out var address) && address.Address == normalized;
        Email = valid ? normalized : throw new RuleException("email", new LocalText("Adm3_Problem.Email"));
    }

    public void SpeakLanguages(IEnumerable<string>? codes)
    {
        var normalized = (codes ?? []).Select(SupportedLanguages.Normalize).ToList();
        if (normalized.Count == 0 || normalized.Contains(null))
        {
            throw new RuleException("languages", new LocalText("Adm3_Problem.ListLanguages", string.Join(", ", SupportedLanguages.Supported)));
        }

        Languages = [.. normalized.Distinct().OfType<string>()];
    }

    public void UseUiLanguage(string? code) =>
        UiLanguage = SupportedLanguages.Normalize(code)
            ?? throw new RuleException("uiLanguage", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", SupportedLanguages.Supported)));

    public void SetPassword(string? password, IPasswordHasher<Agent> hasher)
    {
        if (password is null || password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            throw new RuleException("password", new LocalText("Adm3_Problem.Password", MinPasswordLength, MaxPasswordLength));
        }

        PasswordHash = hasher.HashPassword(this, password);

        // A new password is the way out of a lockout, whoever sets it.
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>Replaces the agent's teams; the caller loads <see cref="Teams"/> first.</summary>
    public void SetTeams(IReadOnlyCollection<Team> teams)
    {
        var wanted = teams.Select(t => t.Id).ToHashSet();
        var current = Teams.Select(t => t.Id).ToHashSet();
        Teams.RemoveAll(t => !wanted.Contains(t.Id));
        Teams.AddRange(teams.Where(t => !current.Contains(t.Id)));
    }
}
