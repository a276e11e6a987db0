using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Workbench;

public enum WorkbenchOutcome
{
    Recorded,

    /// <summary>The same request was recorded before: nothing new.</summary>
    Duplicate,

    NotFound,

    /// <summary>The permission table refuses it.</summary>
    Forbidden,

    /// <summary>The ticket changed since the person saw it, or is not in a state the action applies to; the result
    /// carries it as it stands.</summary>
    Conflict,

    /// <summary>A field missing, unknown or too long.</summary>
    Invalid,
}

/// <summary>What an action became, why when it was not recorded, and the ticket as it stands.</summary>
public sealed record WorkbenchResult(WorkbenchOutcome Outcome, string? Reason, StoredTicket? Ticket);
