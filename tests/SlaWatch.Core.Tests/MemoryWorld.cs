using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Hosting;
using SlaWatch.Core.InMemory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests;

/// <summary>
/// One in-process store (which the contract suite holds to Table Storage's behaviour), the shipped policy and rules,
/// and a fake clock. Several services on one world act like separate processes.
/// </summary>
public sealed class MemoryWorld : IAsyncDisposable
{
    private readonly StorePorts _ports = MemoryStore.Create();
    private readonly List<TicketServices> _services = [];

    public MemoryWorld(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 16, 6, 0, 0, TimeSpan.Zero));
        Main = NewProcess();
    }

    public FakeTimeProvider Time { get; }

    public TicketServices Main { get; }

    public TicketServices NewProcess()
    {
        var services = new TicketServices(_ports, Shipped.Policy, Shipped.Rules, Time);
        _services.Add(services);
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }
    }
}
