using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// The Table Storage a benchmark measures: <c>SLAWATCH_STORAGE</c> when set, else an Azurite of its own, started
/// empty in memory and stopped after: Azurite slows as its tables grow, so figures from a shared one drift.
/// </summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    private readonly AzuriteProcess? _own;

    private BenchStorage(string connectionString, AzuriteProcess? own)
    {
        ConnectionString = connectionString;
        _own = own;
    }

    public string ConnectionString { get; }

    /// <summary>The processor time our Azurite has used so far; null on a given storage.</summary>
    public TimeSpan? ServerProcessorTime => _own?.ProcessorTime;

    public static async Task<BenchStorage> OpenAsync()
    {
        if (Environment.GetEnvironmentVariable("SLAWATCH_STORAGE") is { Length: > 0 } given)
        {
            return new BenchStorage(given, null);
        }

        var own = await AzuriteProcess.StartAsync(persistent: false);
        return new BenchStorage(own.ConnectionString, own);
    }

    public ValueTask DisposeAsync() => _own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
