using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>
/// A fresh set of tables (own prefix) on the shared Azurite, the shipped policy and rules, and a fake clock: each
/// test works in its own world. Several <see cref="TableServices"/> on one world act like separate processes.
/// </summary>
public sealed class TestWorld : IAsyncDisposable
{

    private readonly List<TableServices> _services = [];

    public TestWorld(string connectionString, DateTimeOffset? now = null)
    {
        ConnectionString = connectionString;
        Prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 16, 6, 0, 0, TimeSpan.Zero));
        Main = NewProcess();
    }

    public string ConnectionString { get; }

    public string Prefix { get; }

    public FakeTimeProvider Time { get; }

    public TableServices Main { get; }

    public TableServices NewProcess(StorageOptions? options = null)
    {
        var services = new TableServices(options ?? StorageOptions.FromConnection(ConnectionString, Prefix), Shipped.Policy, Shipped.Rules, Time);
        _services.Add(services);
        return services;
    }

    /// <summary>Another process on this world's tables, on another policy (and its archive of earlier versions).</summary>
    public TableServices NewProcess(SlaPolicy policy, PolicyArchive archive)
    {
        var services = new TableServices(StorageOptions.FromConnection(ConnectionString, Prefix), policy, Shipped.Rules, Time, archive);
        _services.Add(services);
        return services;
    }

    public static DateTimeOffset Shanghai(string wall) => Shipped.At(wall);

    public static InboundContact Email(string sourceId, string wall, string subject = "无法登录", string from = "13912341522", params string[] references) =>
        TestContacts.Email(sourceId, wall, subject, from, references);

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }
    }
}
