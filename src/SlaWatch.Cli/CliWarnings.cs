using Microsoft.Extensions.Logging;

namespace SlaWatch.Cli;

/// <summary>
/// What the services log at warning or above, one line each on the command's error stream (<c>slawatch: …</c>):
/// a person at a terminal reads it there, and a script's standard output stays clean.
/// </summary>
internal sealed class CliWarnings(TextWriter error) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            error.WriteLine($"slawatch: {formatter(state, exception)}");
        }
    }

    public void Dispose()
    {
    }
}
