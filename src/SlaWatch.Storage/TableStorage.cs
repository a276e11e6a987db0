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
    public const string OpenTickets = "OpenTickets";

    private readonly TableServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    /// <summary>The account's tables through a client of its own, made from <paramref name="options"/>.</summary>
    public TableStorage(StorageOptions options)
        : this(options, new RequestCounter(), client: null) { }

    /// <summary>
    /// The account's tables through <paramref name="client"/>, one the host made (and registered) with
    /// <see cref="ConfigureClient"/> and <paramref name="requests"/>.
    /// </summary>
    public TableStorage(TableServiceClient client, StorageOptions options, RequestCounter requests)
        : this(options, requests, client ?? throw new ArgumentNullException(nameof(client))) { }

    private TableStorage(StorageOptions options, RequestCounter requests, TableServiceClient? client)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        if (StorageOptions.PrefixProblem(options.TablePrefix) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        Requests = requests;
        _service = client
            ?? CreateClient(
                options,
                ConfigureClient(new TableClientOptions(), options, requests),
                new DefaultAzureCredential()
            );
    }

    /// <summary>Retries, timeouts and request counting as the stores expect them, on options a host creates.</summary>
    public static TableClientOptions ConfigureClient(
        TableClientOptions clientOptions,
        StorageOptions options,
        RequestCounter requests
    )
    {
        ArgumentNullException.ThrowIfNull(clientOptions);
        ArgumentNullException.ThrowIfNull(options);
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        return clientOptions;
    }

    /// <summary>The service client for a connection string, or for a table service URI signed in with <paramref
    /// name="credential"/>.</summary>
    public static TableServiceClient CreateClient(
        StorageOptions options,
        TableClientOptions clientOptions,
        TokenCredential credential
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TableServiceUri is { } uri
            ? new TableServiceClient(uri, credential, clientOptions)
            : new TableServiceClient(options.ConnectionString ?? StorageOptions.LocalAzurite, clientOptions);
    }

    public StorageOptions Options { get; }

    /// <summary>Every HTTP request sent, retries included.</summary>
    public RequestCounter Requests { get; }

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

    /// <summary>Forgets that a table was created (it was deleted), so the next use creates it again.</summary>
    public void Forget(string table) => _tables.TryRemove(table, out _);

    private Task<TableClient> CreateAsync(string table) =>
        StorageCalls.Run(
            this,
            async () =>
            {
                var client = _service.GetTableClient(NameOf(table));
                await client.CreateIfNotExistsAsync().ConfigureAwait(false);
                return client;
            },
            CancellationToken.None
        );
}
