using Microsoft.Extensions.Logging;

namespace Kalinga.Tests.Infrastructure;

/// <summary>
/// Collects what the server logs at Error or above, so a test that saw a 500 can show why
/// (the test host's console output is not part of the test report).
/// </summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly List<string> entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (log.entries)
            {
                log.entries.Add($"{category}: {formatter(state, exception)}\n{exception}");
            }
        }
    }
}
