using SlaWatch.Core.Hosting;
using SlaWatch.Core.InMemory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Contracts;

/// <summary>The store contract on the in-process store (Storage's tests hold Table Storage to the same contract).</summary>
public sealed class MemoryStoreContractTests : StoreContractTests
{
    protected override Task<StorePorts> NewStoreAsync() => Task.FromResult(MemoryStore.Create());
}
