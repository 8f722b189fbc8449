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
        await Shell.CheckedAsync(
            "dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"], options.RepositoryRoot, timeout: TimeSpan.FromMinutes(10));
        return Path.Combine(output, dll);
    }
}
