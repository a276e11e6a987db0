using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Workbench;

/// <summary>
/// One action a person asks for: <see cref="RequestId"/> makes it once however often it is sent (a double click, a
/// retry), <see cref="Version"/> is the ticket as they saw it (an action on a ticket changed since is a conflict).
/// The fields an action takes: <see cref="Text"/> is the solution, the response's note, the pause's or overdue
/// reason, the remark, or the customer's comment.
/// </summary>
public sealed record WorkbenchCommand(WorkbenchAction Action, string RequestId, string? Version)
{
    public string? Text { get; init; }

    /// <summary>Transfer: who takes the ticket over.</summary>
    public string? Owner { get; init; }

    public Priority? Priority { get; init; }

    /// <summary>A category's key, Chinese or English name.</summary>
    public string? Category { get; init; }

    /// <summary>Pause: waiting on the customer (else on a third party).</summary>
    public bool WaitingOnCustomer { get; init; } = true;

    public Confirmation? Confirmation { get; init; }

    public int? Score { get; init; }

    /// <summary>Acknowledge: the clock whose alert is taken.</summary>
    public SlaMetric? Metric { get; init; }

    /// <summary>Where the person acted from, as the host saw it (the client's address): kept with the event for the
    /// audit.</summary>
    public string? From { get; init; }
}
