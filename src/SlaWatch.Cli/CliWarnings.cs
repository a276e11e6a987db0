using Microsoft.Extensions.Logging;

namespace SlaWatch.Cli;

/// <summary>
/// What SlaWatch's services log at warning or above, one line each on the command's error stream
/// (<c>slawatch: …</c>): a person at a terminal reads it there, and a script's standard output stays clean. The
/// Azure SDK's own chatter (a 409 for a table that exists) is not the user's business and is left out.
/// </summary>
internal sealed class CliWarnings(TextWriter error) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("SlaWatch.", StringComparison.Ordinal)
            ? this
            : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            error.WriteLine($"slawatch: {formatter(state, exception)}");
        }
    }

    public void Dispose() { }
}
