using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Tickets;

/// <summary>A reason an agent gave for a target missed or at risk.</summary>
public sealed record ReasonGiven(string Reason, SlaMetric? Metric, DateTimeOffset At);

public sealed record Satisfaction(int Score, int ScaleMax, string? Comment)
{
    /// <summary>满意: the top level of three, 4–5 of five, 9–10 of ten (NPS promoters).</summary>
    public bool IsSatisfied =>
        ScaleMax switch
        {
            3 => Score == 3,
            5 => Score >= 4,
            _ => Score >= 9,
        };
}

/// <summary>A ticket's state: nothing but the fold of its events (<see cref="TicketFold"/>).</summary>
public sealed record Ticket
{
    public required string Id { get; init; }

    public TicketNumber? Number { get; init; }

    public required Channel Channel { get; init; }

    public required Priority Priority { get; init; }

    public string? Category { get; init; }

    public string? CustomerTier { get; init; }

    public required CustomerRef Customer { get; init; }

    public string? Subject { get; init; }

    public string? SourceRef { get; init; }

    /// <summary>The team's own number for the case, when the input had one (an imported sheet's 问题编号).</summary>
    public string? Reference { get; init; }

    /// <summary>Remarks recorded with the case (备注).</summary>
    public string? Remarks { get; init; }

    public TicketStatus Status { get; init; } = TicketStatus.Open;

    public string? Owner { get; init; }

    /// <summary>Who carries the work out, where the input names someone other than the owner (处理人).</summary>
    public string? Executor { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? FirstResponseAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int ReopenCount { get; init; }

    public int AgentResponseCount { get; init; }

    /// <summary>Messages from the customer after the first contact (a phone ticket: calls after the first).</summary>
    public int CustomerMessageCount { get; init; }

    /// <summary>Of those, the ones sent after the first agent response: the customer had to write again.</summary>
    public int CustomerFollowUps { get; init; }

    public Satisfaction? Satisfaction { get; init; }

    public int EventCount { get; init; }

    /// <summary>The solution given when the ticket was last resolved.</summary>
    public string? Solution { get; init; }

    public DateTimeOffset? PromisedResolutionBy { get; init; }

    /// <summary>The latest reason given for a missed or threatened target (超时原因).</summary>
    public string? OverdueReason { get; init; }

    /// <summary>Every reason given, in order, with the metric it was given for when named.</summary>
    public IReadOnlyList<ReasonGiven> OverdueReasons { get; init; } = [];

    public Confirmation? CustomerConfirmation { get; init; }

    /// <summary>When the customer confirmed the current resolution (已解决); cleared when the ticket reopens.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    public TicketProfile Profile => new(Channel, Priority, Category, CustomerTier);

    /// <summary>What the team recorded about first-contact resolution, when it did (an imported 是否首次解决).</summary>
    public bool? FirstContactRecorded { get; init; }

    /// <summary>First-contact resolution (首次解决): <see cref="FirstContact.Resolved"/>.</summary>
    public bool FirstContactResolved(ChannelKind kind) =>
        FirstContact.Resolved(
            FirstContactRecorded,
            Status,
            ReopenCount,
            kind,
            (CustomerMessageCount, AgentResponseCount, CustomerFollowUps)
        );
}
