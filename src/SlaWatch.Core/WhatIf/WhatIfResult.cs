using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.WhatIf;

/// <summary>A ticket whose outcome another policy changes: the clocks it breached under each (metric keys), its
/// customer masked.</summary>
public sealed record WhatIfChange(
    string Number,
    string Channel,
    string Priority,
    string Customer,
    IReadOnlyList<string> BreachedUnderA,
    IReadOnlyList<string> BreachedUnderB
);

/// <summary>
/// A period's stored tickets under the policy in force (A) and another (B), as of one instant: the figures side by
/// side, the clocks that breach under B and not A (gained) and the reverse (lost), and the tickets whose outcome
/// changes (the first <see cref="MaxListed"/> of them listed, all counted).
/// </summary>
public sealed record WhatIfResult(
    DateOnly From,
    DateOnly To,
    string PolicyA,
    string PolicyB,
    DateTimeOffset AsOf,
    long Tickets,
    IReadOnlyList<ComparisonRow> Rows,
    long BreachesGained,
    long BreachesLost,
    long TicketsChanged,
    IReadOnlyList<WhatIfChange> Changes
)
{
    public const int MaxListed = 500;
}
