using SlaWatch.Core.Concurrency;

namespace SlaWatch.Core.Tests.Concurrency;

public class InFlightTests
{
    [Fact]
    public async Task ItemsThatWaitRunEachOnceAndNoMoreThanTheDegreeAtOnce()
    {
        var (running, most) = (0, 0);
        var done = new int[40];
        var gate = new Lock();

        await InFlight.ForAsync(done.Length, degree: 4, async (i, token) =>
        {
            lock (gate)
            {
                most = Math.Max(most, ++running);
            }

            await Task.Delay(5, token);
            Interlocked.Increment(ref done[i]);
            lock (gate)
            {
                running--;
            }
        });

        Assert.All(done, count => Assert.Equal(1, count));
        Assert.Equal(4, most);
    }

    [Fact]
    public async Task ItemsThatAnswerAtOnceRunInTurnOnTheCallersThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Item, int Thread)>();

        await InFlight.ForEachAsync(["a", "b", "c", "d", "e"], degree: 3, (item, _) =>
        {
            seen.Add((item[0] - 'a', Environment.CurrentManagedThreadId));
            return ValueTask.CompletedTask;
        });

        Assert.Equal([(0, caller), (1, caller), (2, caller), (3, caller), (4, caller)], seen);
    }

    [Fact]
    public async Task AFailureStopsTheItemsNotStartedAndIsWhatIsThrown()
    {
        var started = new List<int>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            InFlight.ForAsync(10, degree: 2, async (i, token) =>
            {
                lock (started)
                {
                    started.Add(i);
                }

                await Task.Yield();
                if (i == 3)
                {
                    throw new InvalidOperationException("item 3");
                }

                await Task.Delay(i == 2 ? Timeout.Infinite : 1, token);
            })
        );

        Assert.Equal("item 3", error.Message);
        // Item 2 waits until the failure cancels it, so the workers take nothing after 3.
        Assert.Equal([0, 1, 2, 3], started.Order());
    }

    [Fact]
    public async Task ACancelledRunStopsTakingItems()
    {
        using var cancel = new CancellationTokenSource();
        var taken = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            InFlight.ForAsync(
                100,
                degree: 1,
                (i, _) =>
                {
                    if (++taken == 5)
                    {
                        cancel.Cancel();
                    }

                    return ValueTask.CompletedTask;
                },
                cancel.Token
            )
        );

        Assert.Equal(5, taken);
    }

    [Fact]
    public async Task NoItemsIsDoneAndADegreeBelowOneIsRefused()
    {
        await InFlight.ForAsync(0, 4, (_, _) => throw new InvalidOperationException("never"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            InFlight.ForAsync(3, 0, (_, _) => ValueTask.CompletedTask)
        );
    }
}
