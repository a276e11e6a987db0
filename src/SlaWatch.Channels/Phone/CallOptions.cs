namespace SlaWatch.Channels.Phone;

/// <summary>How calls become tickets: a caller ringing again within <see cref="RepeatWindow"/> joins the open
/// ticket; an answered call takes its category from its queue (<see cref="QueueCategories"/>). Options a host
/// configures; <see cref="CallOptionsValidator"/> checks them at start.</summary>
public sealed class CallOptions
{
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Queue name (as the switch logs it, case ignored) → a configured category (its key or a name).</summary>
    public IReadOnlyDictionary<string, string> QueueCategories { get; set; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? CategoryOf(string? queue) =>
        queue is not null && QueueCategories.TryGetValue(queue, out var category) ? category : null;
}
