using Kalinga.Agents;
using Kalinga.Data;
using Kalinga.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;

namespace Kalinga.Admin;

/// <summary>
/// The admin verbs of the one binary: <c>migrate</c>, <c>seed-demo</c>, <c>create-api-token</c>, <c>backup</c>,
/// <c>restore</c>, <c>import-mail</c>. They run against the same configuration as the server and exit with 0 on success and 2 when the
/// command is refused (bad arguments, or a change that would destroy data); the reason is on stderr.
/// </summary>
public sealed class AdminVerb
{
    public static readonly IDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--data"] = "Kalinga:DataDirectory",
    };

    private static readonly string[] Names = ["migrate", "seed-demo", "create-api-token", "backup", "restore", "import-mail"];

    private readonly VerbArguments args;

    private AdminVerb(string name, string[] args)
    {
        Name = name;
        this.args = new VerbArguments(args);
    }

    public string Name { get; }

    /// <summary>What the configuration should read from the command line: the verb's switches, not its file arguments.</summary>
    public string[] ConfigurationArgs => args.Switches();

    public static AdminVerb? Parse(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? new AdminVerb(args[0], args[1..]) : null;

    /// <summary>Logs go to stderr so that stdout carries only the verb's answer, for scripts: <c>TOKEN=$(kalinga create-api-token …)</c>.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging) =>
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

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
                    await sp.GetRequiredService<KalingaDb>().Database.MigrateIfBehindAsync(ct);
                    var report = await sp.GetRequiredService<DemoSeeder>().SeedAsync(ct);
                    Console.WriteLine(report);
                    return 0;
                case "create-api-token":
                    await sp.GetRequiredService<KalingaDb>().Database.MigrateIfBehindAsync(ct);
                    return await CreateTokenAsync(sp, ct);
                case "restore":
                    var source = args.Positional(0) ?? throw new RuleException("FILE", new LocalText("Loc4_Problem.Cli.Usage", "restore FILE [--force]"));
                    var restored = await sp.GetRequiredService<Restore>().HandleAsync(Path.GetFullPath(source), args.Flag("--force"), ct);
                    Console.WriteLine($"Restored {restored.Database} and {restored.Blobs} blobs. Kalinga brings the schema up to date when it starts.");
                    return 0;
                case "import-mail":
                    await sp.GetRequiredService<KalingaDb>().Database.MigrateIfBehindAsync(ct);
                    return await Channels.Email.ImportMail.RunVerbAsync(sp, args.Positionals(), OptionalId(args.Option("--mailbox")), ct);
                default:
                    var file = args.Positional(0) ?? throw new RuleException("FILE", new LocalText("Loc4_Problem.Cli.Usage", "backup FILE"));
                    await sp.GetRequiredService<Backup>().WriteAsync(Path.GetFullPath(file), ct);
                    Console.WriteLine($"Backup written to {Path.GetFullPath(file)}");
                    return 0;
            }
        }
        catch (RuleException e)
        {
            await Console.Error.WriteLineAsync(e.Localized());
            return 2;
        }
    }

    private static long? OptionalId(string? text) =>
        text is null ? null : long.TryParse(text, out var id) ? id : throw new RuleException("--mailbox", new LocalText("Loc4_Problem.Cli.NotAMailboxId", text));

    private async Task<int> CreateTokenAsync(IServiceProvider sp, CancellationToken ct)
    {
        var name = args.Option("--name") ?? throw new RuleException("--name", new LocalText("Loc4_Problem.Cli.Usage", "create-api-token --name NAME --role admin|supervisor|agent"));
        var roleText = args.Option("--role") ?? "agent";
        if (!Enum.TryParse<AgentRole>(roleText, ignoreCase: true, out var role) || int.TryParse(roleText, out _))
        {
            throw new RuleException("--role", new LocalText("Loc4_Problem.Cli.UnknownRole", roleText));
        }

        var secret = await sp.GetRequiredService<IssueApiToken>().HandleAsync(name, role, ct);
        Console.WriteLine(secret.Secret);
        await Console.Error.WriteLineAsync($"Token '{name}' ({role.ToString().ToLowerInvariant()}) created. It is shown only this once.");
        return 0;
    }
}
