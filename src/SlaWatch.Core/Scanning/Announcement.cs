using SlaWatch.Core.Policies;

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
    DateTimeOffset ReachedAt)
{
    /// <summary>The ledger key: one announcement per ticket, metric, cycle, kind and level.</summary>
    public string Key(int cycle) => $"{Metric.Key()}|c{cycle}|{Kind}|L{Level}";
}

/// <summary>What a recipient is sent: one announcement, or a digest of many when they would flood an inbox.</summary>
public sealed record Notification(string Recipient, IReadOnlyList<Announcement> Items, bool IsDigest);
