using System.Net;
using System.Net.Sockets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>Starting test servers on picked ports: a port taken in the meantime costs a new pick, not a run.</summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public async Task AStartWhosePortWasTakenIsMadeAgainOnANewPort()
    {
        using var taker = new TcpListener(IPAddress.Loopback, 0);
        taker.Start();
        var taken = ((IPEndPoint)taker.LocalEndpoint).Port;
        var tried = new List<int>();

        using var bound = await LoopbackPorts.StartAsync(() =>
        {
            var port = tried.Count == 0 ? taken : LoopbackPorts.Free();
            tried.Add(port);
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return Task.FromResult(listener);
            }
            catch (SocketException)
            {
                listener.Dispose();
                throw new PortTakenException($"127.0.0.1:{port} is taken");
            }
        });

        Assert.Equal(2, tried.Count);
        Assert.Equal(taken, tried[0]);
        Assert.Equal(tried[1], ((IPEndPoint)bound.LocalEndpoint).Port);
    }

    [Fact]
    public async Task AStartTakenEveryTimeFailsAfterTheLastAttemptWithItsReason()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<PortTakenException>(() =>
            LoopbackPorts.StartAsync<int>(() => throw new PortTakenException($"attempt {++attempts}"))
        );

        Assert.Equal((LoopbackPorts.Attempts, $"attempt {LoopbackPorts.Attempts}"), (attempts, error.Message));
    }
}
