using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;
using SlaWatch.Web.Workbench;

namespace SlaWatch.Functions.Tests;

/// <summary>A ticket's audit as CSV: one line per event with who, when, from where; quoting as RFC 4180 says, and
/// nothing a spreadsheet would run as a formula.</summary>
public sealed class AuditCsvTests
{
    [Fact]
    public void EveryEventIsALineWithWhoWhenAndFromWhereAndNoFormula()
    {
        var arrived = Shipped.At("2026-11-16 09:30");
        TicketEvent[] events =
        [
            new Received(
                arrived,
                "customer",
                "mail:<a@x>",
                Channel.Email,
                Priority.Normal,
                null,
                CustomerRef.FromContact("zhang.san@example.com")
            )
            {
                RecordedAt = arrived.AddSeconds(2),
            },
            new Assigned(arrived.AddMinutes(5), "=HYPERLINK(\"http://x\")", "workbench:a:t1", "客服A")
            {
                From = "203.0.113.9",
            },
            new RemarkAdded(arrived.AddMinutes(6), "客服A", "workbench:a:r1, \"two\"", "备注"),
        ];
        var stored = new StoredTicket(
            "t1",
            new TicketNumber(new DateOnly(2026, 11, 16), 1),
            events,
            new TicketIndexState(null, new DateOnly(2026, 11, 16)),
            "v1"
        );

        var lines = AuditCsv.Of(stored, Shipped.Policy.TimeZone).Split("\r\n");

        Assert.Equal(
            [
                "\uFEFFat,recorded_at,event,actor,from,source",
                "2026-11-16T09:30:00+08:00,2026-11-16T09:30:02+08:00,Received,customer,,mail:<a@x>",
                "2026-11-16T09:35:00+08:00,,Assigned,\"'=HYPERLINK(\"\"http://x\"\")\",203.0.113.9,workbench:a:t1",
                "2026-11-16T09:36:00+08:00,,RemarkAdded,客服A,,\"workbench:a:r1, \"\"two\"\"\"",
                "",
            ],
            lines
        );
    }
}
