using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>The store contract (written beside the Core tests, which run it on the in-process store) on Table
/// Storage.</summary>
[Collection(AzuriteTests.Name)]
public class TableStoreContractTests(AzuriteFixture azurite) : StoreContractTests, IAsyncLifetime
{
    private readonly List<TestProcess> _opened = [];

    /// <summary>Partitions per minute of the DueIndex the contract runs on.</summary>
    protected virtual int DueShards => 1;

    internal override Task<TestProcess> NewStoreAsync()
    {
        var tables = StorageOptions.FromConnection(
            azurite.ConnectionString,
            "c" + Guid.NewGuid().ToString("N")[..10]
        ) with
        {
            DueShards = DueShards,
        };
        var process = new TestProcess(services =>
            services.AddSlaWatchPolicy(Shipped.Policy, Shipped.Rules).AddSlaWatchTableStorage(tables)
        );
        _opened.Add(process);
        return Task.FromResult(process);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _opened)
        {
            await process.DisposeAsync();
        }
    }
}

/// <summary>The same contract with each minute of the DueIndex spread over four partitions.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ShardedDueIndexStoreContractTests(AzuriteFixture azurite) : TableStoreContractTests(azurite)
{
    protected override int DueShards => 4;
}
