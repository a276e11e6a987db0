using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Tickets;

/// <summary>What a ticket's events fold into, event by event, and the data notes a reviewer is shown.</summary>
public class TicketFoldDetailsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 16);

    private static Received Arrival =>
        new(T0, "customer", "m", Channel.Email, Priority.Normal, "payment", CustomerRef.FromContact("x"));

    private static Ticket Fold(params TicketEvent[] more) =>
        TicketFold.Fold("t", [Arrival, .. more], new TicketNumber(Day, 1));

    [Fact]
    public void TheFirstAcknowledgementResponseAndResponderStickAndLaterOnesCount()
    {
        var ticket = Fold(
            new CustomerMessage(T0.AddMinutes(1), "customer", "c1"),
            new Acknowledged(T0.AddMinutes(2), "客服A", "a1"),
            new AgentResponse(T0.AddMinutes(3), "客服B", "r1"),
            new Acknowledged(T0.AddMinutes(4), "客服C", "a2"),
            new AgentResponse(T0.AddMinutes(5), "客服C", "r2"),
            new CustomerMessage(T0.AddMinutes(6), "customer", "c2"),
            new CustomerMessage(T0.AddMinutes(7), "customer", "c3")
        );

        Assert.Equal(
            (T0.AddMinutes(2), T0.AddMinutes(3), "客服B"),
            (ticket.AcknowledgedAt!.Value, ticket.FirstResponseAt!.Value, ticket.Owner)
        );
        // Three customer messages after the arrival, two of them after the first response.
        Assert.Equal(
            (2, 3, 2, 8),
            (ticket.AgentResponseCount, ticket.CustomerMessageCount, ticket.CustomerFollowUps, ticket.EventCount)
        );
        Assert.Equal(T0, ticket.ReceivedAt);
    }

    [Fact]
    public void AnAssignmentNamesTheOwnerAndKeepsAnExecutorUntilReplaced()
    {
        var ticket = Fold(
            new Assigned(T0.AddMinutes(1), "主管", null, "客服A", "工号007"),
            new Assigned(T0.AddMinutes(2), "主管", null, "客服B"),
            new AgentResponse(T0.AddMinutes(3), "客服C", null)
        );

        Assert.Equal(("客服B", "工号007"), (ticket.Owner, ticket.Executor));
    }

    [Fact]
    public void ConfirmationCountsOnceTheTicketIsDoneAndTheFirstConfirmationStands()
    {
        var early = Fold(new CustomerConfirmed(T0.AddMinutes(1), "customer", "c0", Confirmation.Resolved));
        var twice = Fold(
            new StatusChanged(T0.AddMinutes(2), "客服A", null, TicketStatus.Resolved),
            new CustomerConfirmed(T0.AddMinutes(3), "customer", "c1", Confirmation.Resolved),
            new CustomerConfirmed(T0.AddMinutes(4), "customer", "c2", Confirmation.Resolved)
        );

        Assert.Equal(
            (Confirmation.Resolved, (DateTimeOffset?)null),
            (early.CustomerConfirmation!.Value, early.ConfirmedAt)
        );
        Assert.Equal(T0.AddMinutes(3), twice.ConfirmedAt);
    }

    private static StoredTicket Stored(params TicketEvent[] more) => StoredTickets.Of("t", Day, 1, [Arrival, .. more]);

    [Fact]
    public void AnEntryExactlyAtTheAllowedDelayIsOnTimeAndOnePastIsLateCountedFromWhatItClaimed()
    {
        var settings = new DataQuality(TimeSpan.FromHours(1));
        var onTime = new AgentResponse(T0.AddMinutes(10), "客服A", "r1")
        {
            Entered = true,
            RecordedAt = T0.AddMinutes(70),
        };
        var late = new OverdueReason(T0.AddMinutes(20), "客服A", "o1", "busy")
        {
            Entered = true,
            RecordedAt = T0.AddMinutes(81),
        };
        var later = new AgentResponse(T0.AddMinutes(30), "客服A", "r2")
        {
            Entered = true,
            RecordedAt = T0.AddMinutes(150),
        };
        var machine = new AgentResponse(T0.AddMinutes(30), "mail", "r3") { RecordedAt = T0.AddDays(2) };
        // Claimed 10 minutes before the arrival, counted at the arrival, entered 55 minutes after the arrival: 65
        // minutes late.
        var stamped = new AgentResponse(T0, "客服A", "r4")
        {
            Entered = true,
            StampedAt = T0.AddMinutes(-10),
            RecordedAt = T0.AddMinutes(55),
        };

        Assert.Empty(DataNote.Of(Stored(onTime, machine), settings));
        var note = Assert.Single(DataNote.Of(Stored(onTime, late, later), settings));
        Assert.Equal(
            new DataNote(
                DataNoteKind.EnteredLate,
                nameof(AgentResponse),
                T0.AddMinutes(30),
                T0.AddMinutes(150),
                2,
                TimeSpan.FromMinutes(120)
            ),
            note
        );

        var notes = DataNote.Of(Stored(stamped), settings);
        Assert.Equal(
            new DataNote(DataNoteKind.StampedBeforeArrival, nameof(AgentResponse), T0.AddMinutes(-10), T0),
            notes[0]
        );
        Assert.Equal(
            new DataNote(
                DataNoteKind.EnteredLate,
                nameof(AgentResponse),
                T0.AddMinutes(-10),
                T0.AddMinutes(55),
                1,
                TimeSpan.FromMinutes(65)
            ),
            notes[1]
        );
    }
}
