using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// The mail circuit breaker as Azure runs it: the worker makes a new function object for every timer run, so the
/// breaker must live in the poller the provider keeps, not in the function.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class MailboxBreakerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AfterTwoFailedTimerRunsTheThirdDoesNotDialTheDeadServer()
    {
        using var dead = new RefusingServer();
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            Shipped.At("2026-11-16 10:00"),
            new Dictionary<string, string?>
            {
                ["Mail:ImapHost"] = "127.0.0.1",
                ["Mail:ImapPort"] = dead.Port.ToString(CultureInfo.InvariantCulture),
                ["Mail:User"] = "support",
                ["Mail:Password"] = "secret",
                ["Mail:SupportAddress"] = "support@slawatch.test",
                ["Mail:AllowPlaintext"] = "true",
            }
        );

        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(app));
        var afterFirst = dead.Connections;
        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(app));
        var afterSecond = dead.Connections;
        var third = await RunAsync(app);

        // Each failed run dialled once and retried three times; the third is answered by the open breaker.
        Assert.Equal((4, 8), (afterFirst, afterSecond));
        Assert.Equal(afterSecond, dead.Connections);
        Assert.StartsWith(
            "the mail server failed repeatedly; polling pauses",
            third!.Skipped,
            StringComparison.Ordinal
        );
    }

    /// <summary>
    /// One timer run with a function made as the worker makes it; the retries' back-off waits on the app's clock,
    /// which the run moves on while it waits.
    /// </summary>
    private static async Task<Channels.Email.PollReport?> RunAsync(FunctionApp app)
    {
        var run = app.Function<MailboxPoll>().RunAsync(new TimerInfo(), default);
        while (!run.IsCompleted)
        {
            app.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(run, Task.Delay(10));
        }

        return await run;
    }

    /// <summary>A port that accepts connections and drops each at once, counting them: a mail server that is
    /// down.</summary>
    private sealed class RefusingServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public RefusingServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    client.Client.LingerState = new LingerOption(true, 0);
                }
            }
            catch (Exception error)
                when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }
    }
}
