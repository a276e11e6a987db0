using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Contracts;

/// <summary>The store contract on the in-process store (Storage's tests hold Table Storage to the same
/// contract).</summary>
public sealed class MemoryStoreContractTests : StoreContractTests
{
    internal override Task<TestProcess> NewStoreAsync() =>
        Task.FromResult(MemoryProcess.Of(Shipped.Policy, TimeProvider.System));
}
