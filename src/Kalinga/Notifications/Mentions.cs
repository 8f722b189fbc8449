using System.Text.RegularExpressions;
using Kalinga.Search;

namespace Kalinga.Notifications;

/// <summary>
/// Finds the agents a note mentions. <c>@emma</c> names an agent by the part of their e-mail before the @ or by their
/// first name, <c>@emma.clarke</c> by their full name; accents and case do not matter (<c>@kasia</c>, <c>@Wiśniewska</c>).
/// </summary>
public static partial class Mentions
{
    public sealed record Candidate(long Id, string Name, string Email);

    public static IReadOnlyList<long> Find(string text, IEnumerable<Candidate> agents)
    {
        var handles = Handle().Matches(text).Select(m => TextFolding.Fold(m.Groups[1].Value).TrimEnd('.', '-', '_')).ToHashSet();
        if (handles.Count == 0)
        {
            return [];
        }

        return [.. agents.Where(a => HandlesOf(a).Any(handles.Contains)).Select(a => a.Id).Distinct()];
    }

    /// <summary>What an agent can be called after an @: e-mail local part, first name, last name, full name with dots.</summary>
    public static IEnumerable<string> HandlesOf(Candidate agent)
    {
        var local = agent.Email.Split('@')[0];
        var names = TextFolding.Fold(agent.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        yield return TextFolding.Fold(local);
        if (names.Length > 0)
        {
            yield return names[0];
            yield return names[^1];
            yield return string.Join('.', names);
        }
    }

    // The handle must follow a start of text or a non-word character, so e-mail addresses in a note are not mentions.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,63})")]
    private static partial Regex Handle();
}
