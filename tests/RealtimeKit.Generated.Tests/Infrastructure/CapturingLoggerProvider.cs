using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>Keeps every log line (category, level, formatted message, exception) of every logger it creates.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Entries => [.. _lines];

    public IReadOnlyList<string> Lines => [.. _lines.Select(line => line.ToString())];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Category}: {Message} {Exception}";
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
