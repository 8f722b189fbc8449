namespace Kalinga.Admin;

/// <summary>
/// The words after an admin verb: <c>--name value</c> options, <c>--force</c> flags that take no value, and
/// positional arguments (a file) in any order among them.
/// </summary>
public sealed class VerbArguments(string[] args)
{
    private static readonly string[] Flags = ["--force"];

    public string? Option(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public bool Flag(string name) => args.Contains(name);

    /// <summary>Every argument that is neither a switch nor a switch's value (the files a verb works on).</summary>
    public IReadOnlyList<string> Positionals() => Split().Positional;

    /// <summary>The n-th argument that is neither a switch nor a switch's value.</summary>
    public string? Positional(int n)
    {
        var positional = Split().Positional;
        return n < positional.Count ? positional[n] : null;
    }

    /// <summary>
    /// The <c>--key value</c> pairs alone, for the configuration. Positional arguments stay out: the command-line
    /// configuration reader takes "/backups/kalinga.zip" for a "/key value" switch and would swallow the next "--data".
    /// </summary>
    public string[] Switches() => [.. Split().Switches];

    private (List<string> Positional, List<string> Switches) Split()
    {
        var positional = new List<string>();
        var switches = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
            }
            else if (!Flags.Contains(args[i]) && i + 1 < args.Length)
            {
                switches.Add(args[i]);
                switches.Add(args[++i]);
            }
        }

        return (positional, switches);
    }
}
