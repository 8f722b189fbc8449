using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// The real Kalinga binary (Kalinga.dll beside the test assembly) as a child process on a free port, with the test's
/// database and data folder and its workers on: what runs in production, killable with no chance to clean up.
/// </summary>
public sealed class KalingaNode : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private KalingaNode(Process process, int port)
    {
        this.process = process;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output.TakeLast(40));
            }
        }
    }

    public static Dictionary<string, string> Environment(string connectionString, string dataDirectory) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = TestDatabase.Provider.ToString(),
        ["ConnectionStrings__Kalinga"] = connectionString,
        ["Kalinga__DataDirectory"] = dataDirectory,
        ["Kalinga__NodeName"] = "crash-test-node",
        ["Kalinga__RunWorkers"] = "true",
        ["Kalinga__DemoDataOnFirstStart"] = "false",
        ["Email__PollInterval"] = "00:00:01",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public static async Task<KalingaNode> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var node = new KalingaNode(Process.Start(Start(environment, "--urls", $"http://127.0.0.1:{port}"))!, port);
        node.Capture();
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(node.process.HasExited, $"Kalinga exited with {(node.process.HasExited ? node.process.ExitCode : 0)}:\n{node.Output}");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"Kalinga did not become ready:\n{node.Output}");
            try
            {
                if ((await http.GetAsync(node.Url + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Runs an admin verb to the end and returns what it printed on standard output.</summary>
    public static async Task<string> RunVerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = Start(environment, args);
        using var verb = Process.Start(info)!;
        var stdout = verb.StandardOutput.ReadToEndAsync();
        var stderr = verb.StandardError.ReadToEndAsync();
        await verb.WaitForExitAsync();
        Assert.True(verb.ExitCode == 0, $"{string.Join(' ', args)} exited with {verb.ExitCode}: {await stderr}");
        return await stdout;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a power cut for the process.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private static ProcessStartInfo Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kalinga.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private void Capture()
    {
        void Add(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Add(e.Data);
                }
            }
        }

        process.OutputDataReceived += Add;
        process.ErrorDataReceived += Add;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
