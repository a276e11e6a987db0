using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Contracts;

/// <summary>The store contract on the in-process store (Storage's tests hold Table Storage to the same
/// contract).</summary>
public sealed class MemoryStoreContractTests : StoreContractTests
{
    internal override Task<TestProcess> NewStoreAsync() =>
        Task.FromResult(
            new TestProcess(services =>
                services.AddSlaWatchPolicy(Shipped.Policy, Shipped.Rules).AddSlaWatchMemoryStorage()
            )
        );
}
