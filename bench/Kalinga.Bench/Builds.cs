namespace Kalinga.Bench;

/// <summary>Release builds of Kalinga and of the bare endpoint, published into the bench's work folder.</summary>
public sealed record Builds(string KalingaDll, string BareDll)
{
    public static async Task<Builds> PublishAsync(BenchOptions options)
    {
        var kalinga = await PublishAsync(options, "src/Kalinga/Kalinga.csproj", "kalinga", "Kalinga.dll");
        var bare = await PublishAsync(options, "bench/Kalinga.Bench.Bare/Kalinga.Bench.Bare.csproj", "bare", "Kalinga.Bench.Bare.dll");
        return new Builds(kalinga, bare);
    }

    private static async Task<string> PublishAsync(BenchOptions options, string project, string folder, string dll)
    {
        var output = Path.Combine(options.WorkDirectory, "publish", folder);
        // A measured run publishes as a deployment should (README): ReadyToRun, so that start and
        // the first minutes are not spent compiling the app and its libraries. The smoke run skips it: it takes minutes.
        string[] readyToRun = options.Smoke ? [] : ["-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true"];
        await Shell.CheckedAsync(
            "dotnet", ["publish", project, "-c", "Release", "-o", output, .. readyToRun, "--nologo", "-v", "quiet"], options.RepositoryRoot, timeout: TimeSpan.FromMinutes(20));
        return Path.Combine(output, dll);
    }
}
