namespace SlaWatch.Core.Concurrency;

/// <summary>
/// Runs a body for each of <c>count</c> items, at most <c>degree</c> at once, without handing them to the thread
/// pool: each of <c>degree</c> workers starts on the caller's thread and takes the next item whenever its last is
/// done. Against a remote store a worker waits at its first request and the next starts, so <c>degree</c> requests
/// are in flight as with <see cref="Parallel.ForAsync{T}(T, T, ParallelOptions, Func{T, CancellationToken,
/// ValueTask})"/>; against one that answers at once (the in-process store of tests and the replay) the items run in
/// turn on the caller's thread, with no thread switch for each of the minute scan's loops.
/// </summary>
public static class InFlight
{
    /// <summary>
    /// Stops taking items at the first failure (the token the bodies get is cancelled) and throws it once the items
    /// under way are done; a cancelled <paramref name="cancellationToken"/> stops it the same way.
    /// </summary>
    public static async Task ForAsync(
        int count,
        int degree,
        Func<int, CancellationToken, ValueTask> body,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        if (count <= 0)
        {
            return;
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        async Task WorkAsync()
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    failed.Token.ThrowIfCancellationRequested();
                    await body(i, failed.Token).ConfigureAwait(false);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException || !failed.IsCancellationRequested)
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        var workers = new Task[Math.Min(degree, count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = WorkAsync();
        }

        // A failure faults its worker; the others stop as cancelled, and the fault is what the wait throws.
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    /// <inheritdoc cref="ForAsync(int, int, Func{int, CancellationToken, ValueTask}, CancellationToken)"/>
    public static Task ForEachAsync<T>(
        IReadOnlyList<T> items,
        int degree,
        Func<T, CancellationToken, ValueTask> body,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(body);
        return ForAsync(items.Count, degree, (i, token) => body(items[i], token), cancellationToken);
    }
}
