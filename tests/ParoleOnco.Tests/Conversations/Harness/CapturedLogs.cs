using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// What the bot logs from <see cref="Minimum"/> up, whatever the configuration's levels, with each line's exception:
/// what an operator's log store would keep.
/// </summary>
public sealed class CapturedLogs(LogLevel minimum = LogLevel.Trace) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public LogLevel Minimum => minimum;

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}" + (exception is null ? "" : Environment.NewLine + exception));
            }
        }
    }
}
