using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>
/// A fresh set of tables (own prefix) on the shared Azurite, the shipped policy and rules, and a fake clock: each
/// test works in its own world. Several processes on one world act like separate processes on one account.
/// </summary>
public sealed class TestWorld : IAsyncDisposable
{
    private readonly List<TestProcess> _processes = [];

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

    internal TestProcess Main { get; }

    /// <summary>Another process on this world's tables (or those <paramref name="options"/> name), with
    /// <paramref name="more"/> done to its services last.</summary>
    internal TestProcess NewProcess(StorageOptions? options = null, Action<IServiceCollection>? more = null) =>
        NewProcess(Shipped.Policy, PolicyArchive.Empty, options, more);

    /// <summary>Another process on this world's tables, on another policy (and its archive of earlier
    /// versions).</summary>
    internal TestProcess NewProcess(
        SlaPolicy policy,
        PolicyArchive archive,
        StorageOptions? options = null,
        Action<IServiceCollection>? more = null
    )
    {
        var tables = options ?? StorageOptions.FromConnection(ConnectionString, Prefix);
        var process = new TestProcess(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSlaWatchPolicy(policy, Shipped.Rules, archive);
            services.AddSlaWatchTableStorage(tables);
            more?.Invoke(services);
        });
        _processes.Add(process);
        return process;
    }

    public static DateTimeOffset Shanghai(string wall) => Shipped.At(wall);

    public static InboundContact Email(
        string sourceId,
        string wall,
        string subject = "无法登录",
        string from = "13912341522",
        params string[] references
    ) => TestContacts.Email(sourceId, wall, subject, from, references);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}
