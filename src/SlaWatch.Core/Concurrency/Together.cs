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

    public static Task All(List<Task> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (var task in tasks)
        {
            if (!task.IsCompletedSuccessfully)
            {
                return Task.WhenAll(tasks);
            }
        }

        return Task.CompletedTask;
    }
}
