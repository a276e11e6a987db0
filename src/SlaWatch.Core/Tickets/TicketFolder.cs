using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Tickets;

/// <summary>
/// One fold in progress: each event changes the state in place, so a fold allocates one <see cref="Ticket"/> at the
/// end instead of a copy per event (reports fold every ticket of a day, several times). Reusable after
/// <see cref="Reset"/>. The rules are <see cref="TicketFold"/>'s.
/// </summary>
internal sealed class TicketFolder
{
    private readonly List<ReasonGiven> _reasons = [];
    private readonly List<string> _remarks = [];
    private Received? _received;

    public bool Started => _received is not null;

    public Channel Channel { get; private set; }

    public Priority Priority { get; private set; }

    public string? Category { get; private set; }

    public string? CustomerTier { get; private set; }

    public TicketStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt => _received?.At ?? default;

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? FirstResponseAt { get; private set; }

    public int ReopenCount { get; private set; }

    public int EventCount { get; private set; }

    public string? Owner { get; private set; }

    public string? Executor { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int AgentResponseCount { get; private set; }

    public int CustomerMessageCount { get; private set; }

    public int CustomerFollowUps { get; private set; }

    public Satisfaction? Satisfaction { get; private set; }

    public string? Solution { get; private set; }

    public DateTimeOffset? PromisedResolutionBy { get; private set; }

    public string? OverdueReason { get; private set; }

    public Confirmation? CustomerConfirmation { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public bool? FirstContactRecorded { get; private set; }

    public TicketProfile Profile => new(Channel, Priority, Category, CustomerTier);

    /// <summary>Who sent the arrival; only once <see cref="Started"/>.</summary>
    public CustomerRef Customer => _received?.Customer ?? throw new InvalidOperationException("No arrival folded.");

    /// <summary>The reasons given so far, read in place: valid until the next <see cref="Reset"/>.</summary>
    public IReadOnlyList<ReasonGiven> OverdueReasons => _reasons;

    /// <summary>The same as <see cref="Ticket.FirstContactResolved"/> of the ticket this fold gives.</summary>
    public bool FirstContactResolved(ChannelKind kind) =>
        FirstContact.Resolved(
            FirstContactRecorded,
            Status,
            ReopenCount,
            kind,
            (CustomerMessageCount, AgentResponseCount, CustomerFollowUps)
        );

    public void Reset()
    {
        _received = null;
        _reasons.Clear();
        _remarks.Clear();
        (Status, AcknowledgedAt, FirstResponseAt, ReopenCount, EventCount, Owner, Executor, ResolvedAt, ClosedAt) = (
            TicketStatus.Open,
            null,
            null,
            0,
            0,
            null,
            null,
            null,
            null
        );
        (AgentResponseCount, CustomerMessageCount, CustomerFollowUps, Satisfaction, Solution, PromisedResolutionBy) = (
            0,
            0,
            0,
            null,
            null,
            null
        );
        (OverdueReason, CustomerConfirmation, ConfirmedAt, FirstContactRecorded) = (null, null, null, null);
    }

    /// <param name="id">Named in the refusal when the first event is not the arrival.</param>
    public void Apply(string id, TicketEvent item)
    {
        if (_received is null)
        {
            _received =
                item as Received
                ?? throw new ArgumentException(
                    $"Ticket {id}: the first event must be {nameof(Received)}, not {item.GetType().Name}.",
                    nameof(item)
                );
            (Channel, Priority, Category, CustomerTier, EventCount) = (
                _received.Channel,
                _received.Priority,
                _received.Category,
                _received.CustomerTier,
                1
            );
            return;
        }

        EventCount++;
        switch (item)
        {
            case CustomerMessage:
                CustomerMessageCount++;
                CustomerFollowUps += FirstResponseAt is null ? 0 : 1;
                if (Status == TicketStatus.PendingCustomer)
                {
                    Status = TicketStatus.Open;
                }
                else
                {
                    Reopen();
                }

                break;
            case Acknowledged:
                AcknowledgedAt ??= item.At;
                break;
            case AgentResponse:
                AcknowledgedAt ??= item.At;
                FirstResponseAt ??= item.At;
                AgentResponseCount++;
                Owner ??= item.Actor;
                break;
            case StatusChanged change:
                ApplyStatus(change);
                break;
            case PriorityChanged change:
                Priority = change.Priority;
                break;
            case CategoryChanged change:
                Category = change.Category;
                break;
            case Assigned change:
                (Owner, Executor) = (change.Owner, change.Executor ?? Executor);
                break;
            case SatisfactionRated rating:
                Satisfaction = new Satisfaction(rating.Score, rating.ScaleMax, rating.Comment);
                break;
            case ResolutionPromised promise:
                PromisedResolutionBy = promise.PromisedBy;
                break;
            case OverdueReason reason:
                OverdueReason = reason.Reason;
                _reasons.Add(new ReasonGiven(reason.Reason, reason.Metric, reason.At));
                break;
            case RemarkAdded remark:
                _remarks.Add(remark.Text);
                break;
            case FirstContactRecorded recorded:
                FirstContactRecorded = recorded.Resolved;
                break;
            case CustomerConfirmed { Outcome: Confirmation.Resolved } confirmed:
                CustomerConfirmation = confirmed.Outcome;
                ConfirmedAt = Status.IsDone() ? ConfirmedAt ?? confirmed.At : ConfirmedAt;
                break;
            case CustomerConfirmed confirmed:
                Reopen();
                CustomerConfirmation = confirmed.Outcome;
                break;
        }
    }

    public Ticket ToTicket(string id, TicketNumber? number)
    {
        var received = _received
            ?? throw new InvalidOperationException(
                $"Ticket {id} has no events; its first event must be {nameof(Received)}."
            );
        return new Ticket
        {
            Id = id,
            Number = number,
            Channel = Channel,
            Priority = Priority,
            Category = Category,
            CustomerTier = CustomerTier,
            Customer = received.Customer,
            Subject = received.Subject,
            SourceRef = received.SourceRef,
            Reference = received.Reference,
            Remarks =
                _remarks.Count == 0
                    ? received.Remarks
                    : string.Join("; ", received.Remarks is null ? _remarks : _remarks.Prepend(received.Remarks)),
            Status = Status,
            Owner = Owner,
            Executor = Executor,
            ReceivedAt = received.At,
            AcknowledgedAt = AcknowledgedAt,
            FirstResponseAt = FirstResponseAt,
            ResolvedAt = ResolvedAt,
            ClosedAt = ClosedAt,
            ReopenCount = ReopenCount,
            AgentResponseCount = AgentResponseCount,
            CustomerMessageCount = CustomerMessageCount,
            CustomerFollowUps = CustomerFollowUps,
            Satisfaction = Satisfaction,
            EventCount = EventCount,
            Solution = Solution,
            PromisedResolutionBy = PromisedResolutionBy,
            OverdueReason = OverdueReason,
            OverdueReasons = _reasons.Count == 0 ? [] : [.. _reasons],
            CustomerConfirmation = CustomerConfirmation,
            ConfirmedAt = ConfirmedAt,
            FirstContactRecorded = FirstContactRecorded,
        };
    }

    /// <summary>Only a done ticket reopens; a "not resolved" on an open ticket changes nothing but the
    /// record.</summary>
    private void Reopen()
    {
        if (Status.IsDone())
        {
            (Status, ReopenCount, ResolvedAt, ClosedAt, ConfirmedAt) = (
                TicketStatus.Open,
                ReopenCount + 1,
                null,
                null,
                null
            );
        }
    }

    private void ApplyStatus(StatusChanged change)
    {
        switch (change.Status)
        {
            case TicketStatus.Reopened:
            case TicketStatus.Open when Status.IsDone():
                Reopen();
                break;
            case TicketStatus.Resolved:
                (Status, ResolvedAt, Solution) = (TicketStatus.Resolved, change.At, change.Note ?? Solution);
                break;
            case TicketStatus.Closed:
                (Status, ResolvedAt, ClosedAt) = (TicketStatus.Closed, ResolvedAt ?? change.At, change.At);
                break;
            default:
                Status = change.Status;
                break;
        }
    }
}
