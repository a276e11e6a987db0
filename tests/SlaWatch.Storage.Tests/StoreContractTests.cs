using SlaWatch.Core.Hosting;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>The store contract (written beside the Core tests, which run it on the in-process store) on Table Storage.</summary>
[Collection(AzuriteTests.Name)]
public sealed class TableStoreContractTests(AzuriteFixture azurite) : StoreContractTests, IAsyncLifetime
{
    private readonly List<TableServices> _opened = [];

    protected override Task<StorePorts> NewStoreAsync()
    {
        var services = new TableServices(StorageOptions.FromConnection(azurite.ConnectionString, "c" + Guid.NewGuid().ToString("N")[..10]), Shipped.Policy, Shipped.Rules, TimeProvider.System);
        _opened.Add(services);
        return Task.FromResult(services.Ports);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var services in _opened)
        {
            await services.DisposeAsync();
        }
    }
}
