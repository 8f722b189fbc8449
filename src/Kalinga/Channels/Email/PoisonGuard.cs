using System.Collections.Concurrent;

namespace Kalinga.Channels.Email;

/// <summary>
/// Runs the intake for a fetched message in its own scope. A message that keeps failing with what looks like an
/// infrastructure error (say, a value the database refuses every time) would block its mailbox forever; after
/// <see cref="MaxAttempts"/> tries it is quarantined with the error instead, and the mailbox moves on.
/// </summary>
public sealed class PoisonGuard(IServiceScopeFactory scopes)
{
    public const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<string, int> failures = new();

    public async Task<IntakeResult> IntakeAsync(byte[] raw, IntakeSource source, string key, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<EmailIntake>().HandleAsync(raw, source, ct);
            failures.TryRemove(key, out _);
            return result;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && failures.AddOrUpdate(key, 1, (_, n) => n + 1) >= MaxAttempts)
        {
            failures.TryRemove(key, out _);
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EmailIntake>()
                .QuarantineAsync(raw, $"Failed {MaxAttempts} times while being stored: {MailConnections.Describe(e)}", source, ct);
        }
    }
}
