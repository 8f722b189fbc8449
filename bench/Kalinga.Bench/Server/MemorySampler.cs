namespace Kalinga.Bench.Server;

/// <summary>Samples a server's resident size every 200 ms while load runs, keeping the highest value seen.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public MemorySampler(ServerProcess server) => loop = Task.Run(() => SampleAsync(server, stop.Token));

    public double MaxRssMb { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private async Task SampleAsync(ServerProcess server, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                MaxRssMb = Math.Max(MaxRssMb, server.Memory().Rss);
                await Task.Delay(200, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
