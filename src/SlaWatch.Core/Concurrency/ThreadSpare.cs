namespace SlaWatch.Core.Concurrency;

/// <summary>
/// One instance of <typeparamref name="T"/> per thread, lent for a piece of synchronous work and given back: scratch
/// state every write would otherwise allocate again. Taken out while lent, so a use inside a use gets its own; the
/// borrower resets what it needs.
/// </summary>
internal static class ThreadSpare<T>
    where T : class, new()
{
    [ThreadStatic]
    private static T? _spare;

    public static TResult Use<TState, TResult>(TState state, Func<T, TState, TResult> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var lent = _spare ?? new T();
        _spare = null;
        try
        {
            return use(lent, state);
        }
        finally
        {
            _spare = lent;
        }
    }
}
