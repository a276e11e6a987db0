namespace SlaWatch.Storage;

/// <summary>
/// Where the tables live: a connection string (Azurite: <c>UseDevelopmentStorage=true</c> or an explicit
/// <c>TableEndpoint=…</c>), or a table service URI reached with <c>DefaultAzureCredential</c> (managed identity in
/// Azure). <see cref="TablePrefix"/> keeps separate sets of tables apart in one account (replay runs, tests).
/// </summary>
public sealed record StorageOptions
{
    public const string LocalAzurite = "UseDevelopmentStorage=true";

    public string? ConnectionString { get; init; }

    public Uri? TableServiceUri { get; init; }

    public string TablePrefix { get; init; } = string.Empty;

    /// <summary>Retries after the first attempt before a call gives up with
    /// <c>StorageUnavailableException</c>.</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Partitions per minute of the DueIndex (1 to 64). One keeps the minute as the partition; more spread a
    /// minute's wake-ups (the office opening, when a night's arrivals all fall due) over <c>yyyyMMddHHmm-NN</c>, read
    /// in parallel. Any count reads what another count wrote.</summary>
    public int DueShards { get; init; } = 1;

    public const int MaxDueShards = 64;

    /// <summary>How far before the last look a look at a day's changes reads again: for writes in flight while it read
    /// and partition servers' clocks a little apart (<c>TableTicketIndex.ReadDayChangesAsync</c>).</summary>
    public TimeSpan DayChangesOverlap { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Why <paramref name="prefix"/> cannot prefix table names (which are letters and digits), or
    /// null.</summary>
    public static string? PrefixProblem(string prefix) =>
        prefix.Length == 0
        || (char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit) && prefix.Length <= 40)
            ? null
            : $"table prefix '{prefix}' must start with a letter and hold at most 40 letters and digits";

    public static StorageOptions FromConnection(string? connection, string tablePrefix = "") =>
        connection is not null
        && Uri.TryCreate(connection, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && !connection.Contains('=', StringComparison.Ordinal)
            ? new StorageOptions { TableServiceUri = uri, TablePrefix = tablePrefix }
            : new StorageOptions
            {
                ConnectionString = string.IsNullOrWhiteSpace(connection) ? LocalAzurite : connection,
                TablePrefix = tablePrefix,
            };
}
