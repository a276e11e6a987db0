using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Scanning;

/// <summary>
/// A warning, breach or escalation of one clock, for one recipient (<c>owner:客服A</c>, <c>supervisor</c>,
/// <c>manager</c>). It names the ticket by number and carries no contact details.
/// </summary>
public sealed record Announcement(
    string Kind,
    int Level,
    string Recipient,
    string TicketId,
    string TicketNumber,
    Channel Channel,
    Priority Priority,
    SlaMetric Metric,
    string Target,
    DateTimeOffset? Due,
    TimeSpan Elapsed,
    string? Owner,
    string? OverdueReason,
    DateTimeOffset ReachedAt
)
{
    /// <summary>The clock's cycle: 1, then one more each time the ticket was reopened.</summary>
    public int Cycle { get; init; } = 1;

    /// <summary>The roles the clock's later levels notify, in order: where an alert goes when no one is on duty for
    /// <see cref="Recipient"/>.</summary>
    public IReadOnlyList<string> Later { get; init; } = [];

    /// <summary>The ledger key within the ticket: one announcement per metric, cycle, kind and level.</summary>
    public string Key => KeyOf(Metric, Cycle, Kind, Level);

    /// <summary>The source reference of the escalation this announcement records on its ticket (a method: it is not
    /// part of what a notification carries).</summary>
    public string EscalationRef() => Named("escalation:", Metric, Cycle, Kind, Level);

    /// <summary>The <see cref="Key"/> of the announcement these would make: a scan claims by key, and makes only the
    /// announcements it won.</summary>
    public static string KeyOf(SlaMetric metric, int cycle, string kind, int level) =>
        Named(string.Empty, metric, cycle, kind, level);

    // Asked for every threshold of every scan, and kept with every claim and escalation: a few dozen values, each
    // formatted on the stack and shared (NamePool) rather than allocated every time.
    private static string Named(string prefix, SlaMetric metric, int cycle, string kind, int level)
    {
        Span<char> text = stackalloc char[256];
        return text.TryWrite(
            CultureInfo.InvariantCulture,
            $"{prefix}{metric.Key()}|c{cycle}|{kind}|L{level}",
            out var written
        )
            ? NamePool.Shared.Of(text[..written])
            : throw new InvalidOperationException($"An announcement's kind is a word, not {kind.Length} characters.");
    }

    /// <summary>Names this announcement among all tickets' (a message id for duplicate detection).</summary>
    public string Id => $"{TicketId}|{Key}";
}

/// <summary>
/// An early warning from the brief: complaint volume above 1.5× (level 1), 2× (2) or 3× (3) the trailing daily
/// average, overall or for one category; or the same category on five or more consecutive new tickets (a potential
/// crisis). <see cref="Key"/> is <c>all</c> or <c>category:…</c>.
/// </summary>
public sealed record AnomalyAlert(
    string Rule,
    string Key,
    int Level,
    DateOnly Day,
    int Count,
    double? TrailingAverage,
    string Message
);

/// <summary>What a recipient is sent: one announcement, or a digest of many when they would flood an inbox; and
/// alerts.</summary>
public sealed record Notification(string Recipient, IReadOnlyList<Announcement> Items, bool IsDigest)
{
    public IReadOnlyList<AnomalyAlert> Alerts { get; init; } = [];
}
