namespace SlaWatch.Functions.Inbound;

/// <summary>
/// A resource made once per process on first use (a queue or container created if missing); a failed attempt (the
/// service was down) is not remembered, so the next use tries again.
/// </summary>
public sealed class CreatedOnce<T>(Func<Task<T>> create)
{
    private Task<T>? _task;

    public Task<T> GetAsync()
    {
        var current = Volatile.Read(ref _task);
        if (current is { IsFaulted: false, IsCanceled: false })
        {
            return current;
        }

        var fresh = create();
        return Interlocked.CompareExchange(ref _task, fresh, current) == current ? fresh : _task!;
    }
}
