using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace SlaWatch.Storage;

/// <summary>
/// The one long-lived <see cref="TableServiceClient"/> of an account and the SLA tables derived from it, each created
/// on first use. Thread-safe; register one per account.
/// </summary>
public sealed class TableStorage
{
    public const string Tickets = "Tickets";
    public const string SourceIndex = "SourceIndex";
    public const string DueIndex = "DueIndex";
    public const string TicketsByDay = "TicketsByDay";
    public const string Quarantine = "Quarantine";
    public const string Serials = "Serials";

    private readonly TableServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public TableStorage(StorageOptions options)
    {
        Options = options;
        if (options.TablePrefix.Length > 0 && (!char.IsAsciiLetter(options.TablePrefix[0]) || !options.TablePrefix.All(char.IsAsciiLetterOrDigit) || options.TablePrefix.Length > 40))
        {
            throw new ArgumentException($"Table prefix '{options.TablePrefix}' must start with a letter and hold at most 40 letters and digits.", nameof(options));
        }

        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.AddPolicy(Requests, HttpPipelinePosition.PerRetry);

        _service = options.TableServiceUri is { } uri
            ? new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(options.ConnectionString ?? StorageOptions.LocalAzurite, clientOptions);
    }

    public StorageOptions Options { get; }

    /// <summary>Every HTTP request sent, retries included.</summary>
    public RequestCounter Requests { get; } = new();

    public Uri Endpoint => _service.Uri;

    public TableServiceClient Service => _service;

    public string NameOf(string table) => Options.TablePrefix + table;

    /// <summary>The table's client, the table created if it did not exist (once per process).</summary>
    public async Task<TableClient> TableAsync(string table, CancellationToken cancellationToken = default)
    {
        var lazy = _tables.GetOrAdd(table, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // Do not remember a failure: the next call tries again (the service may be back).
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(table, lazy));
            throw;
        }
    }

    private Task<TableClient> CreateAsync(string table) =>
        StorageCalls.Run(this, async () =>
        {
            var client = _service.GetTableClient(NameOf(table));
            await client.CreateIfNotExistsAsync().ConfigureAwait(false);
            return client;
        }, CancellationToken.None);
}
