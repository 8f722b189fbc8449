using Microsoft.EntityFrameworkCore;
using Kalinga.Agents;
using Kalinga.Data;
using Kalinga.Demo;

namespace Kalinga.Admin;

/// <summary>
/// The admin verbs of the one binary: <c>migrate</c>, <c>seed-demo</c>, <c>create-api-token</c>, <c>backup</c>, <c>import-mail</c>.
/// They run against the same configuration as the server and exit with 0 on success.
/// </summary>
public sealed class AdminVerb
{
    public static readonly IDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--data"] = "Kalinga:DataDirectory",
    };

    private static readonly string[] Names = ["migrate", "seed-demo", "create-api-token", "backup", "import-mail"];

    private AdminVerb(string name, string[] args)
    {
        Name = name;
        Args = args;
    }

    public string Name { get; }

    public string[] Args { get; }

    /// <summary>
    /// The arguments configuration may see: "--key value" pairs only. A verb's own words, and above all absolute
    /// paths ("/srv/mail"), would otherwise be read as "/key" switches that swallow the next argument (say, --data).
    /// </summary>
    public static string[] ConfigurationArgs(string[] args)
    {
        if (Parse(args) is null)
        {
            return args;
        }

        var kept = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                kept.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    kept.Add(args[++i]);
                }
            }
        }

        return [.. kept];
    }

    public static AdminVerb? Parse(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? new AdminVerb(args[0], args[1..]) : null;

    public async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var ct = CancellationToken.None;
        try
        {
            switch (Name)
            {
                case "migrate":
                    await sp.GetRequiredService<KalingaDb>().Database.MigrateAsync(ct);
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case "seed-demo":
                    await sp.GetRequiredService<KalingaDb>().Database.MigrateAsync(ct);
                    var report = await sp.GetRequiredService<DemoSeeder>().SeedAsync(ct);
                    Console.WriteLine(report);
                    return 0;
                case "create-api-token":
                    await sp.GetRequiredService<KalingaDb>().Database.MigrateAsync(ct);
                    return await CreateTokenAsync(sp, ct);
                case "import-mail":
                    await sp.GetRequiredService<KalingaDb>().Database.MigrateAsync(ct);
                    return await Channels.Email.ImportMail.RunVerbAsync(sp, Args, ct);
                default:
                    var file = Positional(0) ?? throw new UsageException("usage: backup FILE");
                    await sp.GetRequiredService<Backup>().WriteAsync(Path.GetFullPath(file), ct);
                    Console.WriteLine($"Backup written to {Path.GetFullPath(file)}");
                    return 0;
            }
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private async Task<int> CreateTokenAsync(IServiceProvider sp, CancellationToken ct)
    {
        var name = Option("--name") ?? throw new UsageException("usage: create-api-token --name NAME --role admin|supervisor|agent");
        var roleText = Option("--role") ?? "agent";
        if (!Enum.TryParse<AgentRole>(roleText, ignoreCase: true, out var role) || int.TryParse(roleText, out _))
        {
            throw new UsageException($"Unknown role '{roleText}': use admin, supervisor or agent.");
        }

        var secret = await sp.GetRequiredService<IssueApiToken>().HandleAsync(name, role, ct);
        Console.WriteLine(secret.Secret);
        await Console.Error.WriteLineAsync($"Token '{name}' ({role.ToString().ToLowerInvariant()}) created. It is shown only this once.");
        return 0;
    }

    private string? Option(string name)
    {
        var i = Array.IndexOf(Args, name);
        return i >= 0 && i + 1 < Args.Length ? Args[i + 1] : null;
    }

    /// <summary>The n-th argument that is neither a switch nor a switch's value.</summary>
    private string? Positional(int n)
    {
        var positional = new List<string>();
        for (var i = 0; i < Args.Length; i++)
        {
            if (Args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            positional.Add(Args[i]);
        }

        return n < positional.Count ? positional[n] : null;
    }

    private sealed class UsageException(string message) : Exception(message);
}
