using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.Workbench;

/// <summary>The workbench's tabs: 我的, 待领取, 即将超时, 已超时, 全部未结.</summary>
public enum WorkbenchTab
{
    Mine,
    Unassigned,
    AtRisk,
    Breached,
    Open,
}

/// <summary>What a queue shows: channel, priority and category as the backlog names them; null shows all.</summary>
public sealed record WorkbenchFilter(string? Channel = null, string? Priority = null, string? Category = null)
{
    public bool Shows(BacklogRow row) =>
        Matches(Channel, row.Channel) && Matches(Priority, row.Priority) && Matches(Category, row.Category);

    private static bool Matches(string? wanted, string? value) =>
        wanted is null || string.Equals(wanted, value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One tab's tickets, soonest due first, with every tab's count under the same filter.</summary>
public sealed record WorkbenchTabView(
    DateTimeOffset ReadAt,
    WorkbenchTab Tab,
    IReadOnlyDictionary<WorkbenchTab, int> Counts,
    IReadOnlyList<BacklogRow> Tickets
)
{
    /// <summary>False when only the first rows were asked for (a page's first screen): the tab holds
    /// <c>Counts[Tab]</c>.</summary>
    public bool Complete => Tickets.Count == Counts.GetValueOrDefault(Tab);
}

/// <summary>
/// The workbench's queues, read fresh from the backlog (not the board's shared snapshot: a person who just took a
/// ticket must see it under 我的 at once). One backlog read serves every tab's count.
/// </summary>
public sealed class WorkbenchQueues(Backlog backlog, TimeProvider time)
{
    public async Task<WorkbenchTabView> ReadAsync(
        WorkbenchPerson person,
        WorkbenchTab tab,
        WorkbenchFilter filter,
        int? first = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(first ?? 1, 1, nameof(first));
        var now = time.GetUtcNow();
        var shown = (await backlog.AtAsync(now, cancellationToken).ConfigureAwait(false)).Where(filter.Shows).ToArray();
        var counts = Enum.GetValues<WorkbenchTab>()
            .ToDictionary(each => each, each => shown.Count(row => In(each, row, person)));
        var rows = shown.Where(row => In(tab, row, person));
        // A page paints its first screen from a few rows, then asks for the rest: a 10 000-row answer is megabytes
        // the browser parses before it can paint anything.
        return new WorkbenchTabView(now, tab, counts, [.. first is { } some ? rows.Take(some) : rows]);
    }

    public static bool In(WorkbenchTab tab, BacklogRow row, WorkbenchPerson person)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(person);
        return tab switch
        {
            WorkbenchTab.Mine => person.Owns(row.Owner),
            WorkbenchTab.Unassigned => row.Owner is null,
            WorkbenchTab.AtRisk => row.State != "breached" && row.Clocks.Any(clock => clock.State == "warning"),
            WorkbenchTab.Breached => row.State == "breached",
            _ => true,
        };
    }
}
