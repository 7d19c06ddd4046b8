using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ParoleOnco.DeliveryBenchmark.Hosting;

/// <summary>Counts the bot's warnings and errors by category and message template, keeping one example of each.</summary>
public sealed class LogTally : ILoggerProvider
{
    private readonly ConcurrentDictionary<(LogLevel Level, string Category, string Template), (int Count, string Example)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, int Count, string Example)> Entries =>
        [.. entries.OrderByDescending(e => e.Value.Count).Select(e => (e.Key.Level, e.Key.Category, e.Value.Count, e.Value.Example))];

    public ILogger CreateLogger(string categoryName) => new Tally(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string template, string message, Exception? exception) =>
        entries.AddOrUpdate(
            (level, category, template),
            _ => (1, OneLine(exception is null ? message : $"{message} [{exception.GetType().Name}: {exception.Message}]")),
            (_, seen) => (seen.Count + 1, seen.Example));

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 200 ? line : line[..199] + "…";
    }

    private sealed class Tally(LogTally tally, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var template = state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value is string format ? format : eventId.ToString();
            tally.Add(logLevel, category, template, formatter(state, exception), exception);
        }
    }
}
