using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tests.Tickets;
using SlaWatch.Core.Tickets;
using SlaWatch.Rendering;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>A ticket as a spreadsheet row, worked by hand on the office calendar's suggestion rule.</summary>
public class TicketExportTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);

    [Fact]
    public void ARowCarriesOpenAndWallTimesInstantsInTheZoneAndMaskedText()
    {
        // A web suggestion at Monday 11:30: its first response counts on the office calendar (09:00–12:00,
        // 13:00–18:00), so the reply at 13:30 took one open hour in two wall hours; its resolution (48 hours) counts
        // round the clock, so Tuesday 10:00 is 22.5 hours either way. Rated 2 of 3, confirmed.
        var at = (string wall) => Shipped.At(wall);
        TicketEvent[] events =
        [
            new Received(
                at("2026-11-16 11:30"),
                "customer",
                "w1",
                Channel.Web,
                Priority.Suggestion,
                "suggestion",
                CustomerRef.FromContact("13912341522"),
                "建议",
                null,
                null,
                "REF-7",
                "call 13912341522"
            ),
            new Assigned(at("2026-11-16 11:40"), "主管", null, "客服A", "工号007"),
            new AgentResponse(at("2026-11-16 13:30"), "客服A", "r"),
            new ResolutionPromised(at("2026-11-16 13:31"), "客服A", "p", at("2026-11-17 12:00")),
            new StatusChanged(at("2026-11-17 10:00"), "客服A", "s", TicketStatus.Resolved, "补发配件"),
            new SatisfactionRated(at("2026-11-17 11:00"), "customer", "sat", 2, 3, "还行"),
            new CustomerConfirmed(at("2026-11-17 11:05"), "customer", "c", Confirmation.Resolved),
        ];
        var stored = StoredTickets.Of("t-1", Monday, 1, events);

        var row = TicketExportRow.From(stored, Shipped.Policy, at("2026-11-18 09:00"));

        Assert.Equal(
            ("20261116-001", "web", "suggestion", "suggestion", "客服A", "工号007", "Resolved"),
            (row.Number, row.Channel, row.Category, row.Priority, row.Owner, row.Executor, row.Status)
        );
        Assert.Equal(("官网留言", "Web form"), (row.ChannelNameZh, row.ChannelNameEn));
        Assert.Equal((TimeSpan.FromHours(8), at("2026-11-16 11:30")), (row.ReceivedAt.Offset, row.ReceivedAt));
        Assert.Equal(
            (60.0, 120.0, 3600L, 7200L),
            (
                row.FirstResponseOpenMinutes!.Value,
                row.FirstResponseWallMinutes!.Value,
                row.FirstResponseOpenSeconds!.Value,
                row.FirstResponseWallSeconds!.Value
            )
        );
        Assert.Equal((1350.0, 1350.0), (row.ResolutionOpenMinutes!.Value, row.ResolutionWallMinutes!.Value));
        Assert.Equal(
            ("Met", "Met", "Met", false),
            (row.FirstResponseClock, row.ResolutionClock, row.PromiseClock, row.Breached)
        );
        Assert.Null(row.AcknowledgementClock);
        Assert.Equal(
            (2, 3, "还行", "resolved"),
            (row.Rating!.Value, row.RatingScale!.Value, row.RatingComment, row.Confirmation)
        );
        Assert.Equal(
            ("1391234****", "REF-7", "call 1391234****", "补发配件"),
            (row.Customer, row.Reference, row.Remarks, row.Solution)
        );
        Assert.Equal(at("2026-11-17 12:00"), row.PromisedBy);
        Assert.Equal(at("2026-11-17 11:05"), row.ConfirmedAt);
        Assert.Null(row.ClosedAt);
    }

    [Fact]
    public void AnOpenTicketHasNoResolutionTimesAndSaysItBreached()
    {
        TicketEvent[] events =
        [
            new Received(
                Shipped.At("2026-11-16 09:00"),
                "customer",
                "c1",
                Channel.Chat,
                Priority.Urgent,
                null,
                CustomerRef.FromContact("x")
            ),
        ];
        var row = TicketExportRow.From(
            StoredTickets.Of("t-2", Monday, 2, events),
            Shipped.Policy,
            Shipped.At("2026-11-16 10:00")
        );

        Assert.Equal(("Breached", true), (row.FirstResponseClock, row.Breached));
        Assert.Null(row.FirstResponseOpenMinutes);
        Assert.Null(row.ResolutionWallSeconds);
        Assert.Null(row.Rating);
        Assert.Null(row.Confirmation);
    }

    [Fact]
    public void TheChartsScriptIsFoundInTheCheckoutsNodeModulesAndANamedFileIsTheOnlyPlaceLooked()
    {
        var script = EchartsScript.Read(named: null);
        Assert.NotNull(script);
        Assert.Contains("echarts", script, StringComparison.Ordinal);
        Assert.True(script.Length > 100_000);
        Assert.Null(EchartsScript.Locate(Path.Combine(Path.GetTempPath(), "no-such-echarts.js")));
    }
}
