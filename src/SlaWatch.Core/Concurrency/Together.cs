namespace SlaWatch.Core.Concurrency;

/// <summary>
/// Waits for independent requests sent together, as <see cref="Task.WhenAll(Task[])"/> does, but answers at once,
/// allocating nothing, when every one has already completed: an in-process store answers before it is awaited, and a
/// replay writes this way for every input.
/// </summary>
internal static class Together
{
    public static Task All(Task one, Task other) =>
        one.IsCompletedSuccessfully && other.IsCompletedSuccessfully ? Task.CompletedTask : Task.WhenAll(one, other);

    /// <summary>Requests sent together, each kept only while it is under way: a store that answered at once leaves
    /// nothing to keep or wait for (a list of them was two allocations a ticket write).</summary>
    public struct Pending
    {
        private List<Task>? _running;

        public void Add(Task task)
        {
            if (!task.IsCompletedSuccessfully)
            {
                (_running ??= []).Add(task);
            }
        }

        public readonly Task All() => _running is null ? Task.CompletedTask : Task.WhenAll(_running);
    }
}
