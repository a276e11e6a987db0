namespace SlaWatch.Channels.Phone;

/// <summary>How calls become tickets: a caller ringing again within <see cref="RepeatWindow"/> joins the open
/// ticket; an answered call takes its category from its queue (<see cref="QueueCategories"/>).</summary>
public sealed record CallOptions
{
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Queue name (as the switch logs it, case ignored) → category key.</summary>
    public IReadOnlyDictionary<string, string> QueueCategories { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? CategoryOf(string? queue) =>
        queue is not null && QueueCategories.TryGetValue(queue, out var category) ? category : null;
}
