using System.Diagnostics;
using System.Text;

namespace Kalinga.Bench;

public sealed record ShellResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs a program to completion and keeps what it printed.</summary>
public static class Shell
{
    public static async Task<ShellResult> RunAsync(
        string program, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        process.WaitForExit();
        return new ShellResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Like <see cref="RunAsync"/>, but a non-zero exit is an error that shows the program's own words.</summary>
    public static async Task<string> CheckedAsync(
        string program, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var result = await RunAsync(program, args, workingDirectory, environment, timeout);
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"{program} exited with {result.ExitCode}:\n{Tail(result.Stderr + result.Stdout)}");
    }

    public static string Tail(string text, int lines = 30) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    private static void Append(StringBuilder sink, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sink)
        {
            sink.AppendLine(line);
        }
    }
}
