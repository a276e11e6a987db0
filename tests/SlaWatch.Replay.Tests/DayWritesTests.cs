using SlaWatch.Replay.Reports;

namespace SlaWatch.Replay.Tests;

public sealed class DayWritesTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public void ADaysSignatureMovesWithItsOwnTicketsAndTheListsOfTheDaysItReads()
    {
        var writes = new DayWrites();
        var (firstRead, dayBefore) = (Day.AddDays(-3), Day.AddDays(-1));
        var signed = writes.Signature(Day, firstRead);
        var signedBefore = writes.Signature(dayBefore, dayBefore.AddDays(-3));

        // Another day's tickets, a list after the day, a list before the days it reads: not what the day reads.
        writes.TicketWritten(Day.AddDays(1));
        writes.TicketWritten(dayBefore);
        writes.ListWritten(Day.AddDays(1));
        writes.ListWritten(Day.AddDays(-4));
        Assert.Equal(signed, writes.Signature(Day, firstRead));
        Assert.NotEqual(signedBefore, writes.Signature(dayBefore, dayBefore.AddDays(-3)));

        writes.TicketWritten(Day);
        var afterTicket = writes.Signature(Day, firstRead);
        Assert.NotEqual(signed, afterTicket);

        writes.ListWritten(firstRead);
        Assert.NotEqual(afterTicket, writes.Signature(Day, firstRead));
    }

    [Fact]
    public void AWriteToADayOutsideTheCenturyMovesEverySignature()
    {
        var writes = new DayWrites();
        var signed = writes.Signature(Day, Day.AddDays(-3));

        writes.TicketWritten(new DateOnly(2100, 1, 1));

        Assert.NotEqual(signed, writes.Signature(Day, Day.AddDays(-3)));
    }
}
