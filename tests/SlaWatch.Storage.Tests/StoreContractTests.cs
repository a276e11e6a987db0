using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>The store contract (written beside the Core tests, which run it on the in-process store) on Table
/// Storage.</summary>
[Collection(AzuriteTests.Name)]
public sealed class TableStoreContractTests(AzuriteFixture azurite) : StoreContractTests, IAsyncLifetime
{
    private readonly List<TestProcess> _opened = [];

    internal override Task<TestProcess> NewStoreAsync()
    {
        var tables = StorageOptions.FromConnection(azurite.ConnectionString, "c" + Guid.NewGuid().ToString("N")[..10]);
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
