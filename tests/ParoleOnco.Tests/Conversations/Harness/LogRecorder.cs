using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>What the bot logged at Warning or above, rendered as it would be written.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    private sealed class Recorder(LogRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.lines.Enqueue(formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception));
            }
        }
    }
}
