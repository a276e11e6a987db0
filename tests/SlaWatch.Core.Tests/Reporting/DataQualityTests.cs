using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tests.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>
/// Each event keeps when it was recorded beside when it happened; records stamped before their ticket's arrival are
/// counted at the arrival; what people entered long after it happened, and imported rows, are listed for review.
/// </summary>
public sealed class DataQualityTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);

    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:30");

    [Fact]
    public async Task EveryEventKeepsWhenItWasRecordedAndOneStampedBeforeTheArrivalCountsFromIt()
    {
        var time = new FakeTimeProvider(Arrival.AddMinutes(2));
        await using var services = Services(Shipped.Policy, time);
        var ticket = await OpenAsync(services);

        time.SetUtcNow(Arrival.AddMinutes(5));
        await services.Events.RecordAsync(
            ticket,
            new AgentResponse(Arrival.AddMinutes(-10), "客服A", "reply-1"),
            "test"
        );

        var stored = (await services.Store.LoadAsync(ticket))!;
        Assert.Equal(Arrival.AddMinutes(2), stored.Events[0].RecordedAt);
        var reply = Assert.IsType<AgentResponse>(stored.Events[1]);
        Assert.Equal(
            (Arrival, Arrival.AddMinutes(-10), Arrival.AddMinutes(5)),
            (reply.At, reply.StampedAt!.Value, reply.RecordedAt!.Value)
        );
        // Counted as answered at once, not ten minutes before the question.
        Assert.Equal(
            (1, 0.0),
            (
                Figures(await services.Reports.RunDayAsync(Day)).FirstResponse.Count,
                Figures(await services.Reports.RunDayAsync(Day)).FirstResponse.Sum
            )
        );
        var note = Assert.Single(Assert.Single((await services.Reports.RunDayAsync(Day)).Exceptions).DataQuality);
        Assert.Equal(
            new DataNote(DataNoteKind.StampedBeforeArrival, "AgentResponse", Arrival.AddMinutes(-10), Arrival),
            note
        );
        Assert.Equal(
            "agent response stamped 11-16 09:20, before the arrival at 11-16 09:30: counted from the arrival",
            new ReportLabels(false).DataNote(note, Shipped.Policy.TimeZone)
        );
        Assert.Equal(
            "客服回复记录时间 11-16 09:20 早于接收时间 11-16 09:30：按接收时间计",
            new ReportLabels(true).DataNote(note, Shipped.Policy.TimeZone)
        );
    }

    [Fact]
    public async Task RecordsPeopleEnteredLongAfterTheyHappenedAreListedAndMachineStampsAreNot()
    {
        var time = new FakeTimeProvider(Arrival);
        await using var services = Services(Shipped.Policy, time);
        var ticket = await OpenAsync(services);

        // Entered 20 minutes after the reply: within the hour the policy allows.
        time.SetUtcNow(Arrival.AddMinutes(30));
        await services.Events.RecordAsync(
            ticket,
            new AgentResponse(Arrival.AddMinutes(10), "客服A", "reply-1") { Entered = true },
            "test"
        );
        // Entered two hours and forty minutes after the resolution it records, and after three hours a rating.
        time.SetUtcNow(Arrival.AddHours(3));
        await services.Events.RecordAsync(
            ticket,
            new StatusChanged(Arrival.AddMinutes(20), "客服A", "done-1", TicketStatus.Resolved) { Entered = true },
            "test"
        );
        await services.Events.RecordAsync(
            ticket,
            new SatisfactionRated(Arrival.AddMinutes(25), "customer", "rate-1", 3, 3) { Entered = true },
            "test"
        );
        // A machine's stamp posted late (a switch's nightly log) is not a person's after-the-fact entry.
        time.SetUtcNow(Arrival.AddHours(9));
        await services.Events.RecordAsync(
            ticket,
            new CustomerConfirmed(Arrival.AddMinutes(40), "customer", "confirm-1", Confirmation.Resolved),
            "test"
        );

        var note = Assert.Single(Assert.Single((await services.Reports.RunDayAsync(Day)).Exceptions).DataQuality);
        Assert.Equal(
            (DataNoteKind.EnteredLate, 2, TimeSpan.FromMinutes(160)),
            (note.Kind, note.Count, note.Late!.Value)
        );
        Assert.Equal(
            ("StatusChanged", Arrival.AddMinutes(20), Arrival.AddHours(3)),
            (note.Event, note.Claimed!.Value, note.Counted!.Value)
        );
        Assert.Equal(
            "2 records entered after the fact, up to 2 h 40 min late (status change of 11-16 09:50 entered 11-16 12:"
                + "30)",
            new ReportLabels(false).DataNote(note, Shipped.Policy.TimeZone)
        );
        Assert.Equal(
            "2 条记录事后补录，最晚 2小时40分钟后录入（状态变更 11-16 09:50，录入于 11-16 12:30）",
            new ReportLabels(true).DataNote(note, Shipped.Policy.TimeZone)
        );

        // A team that allows four hours sees none of it; the ticket, resolved in time, is not listed at all.
        await using var lenient = Services(
            Shipped.Policy with
            {
                DataQuality = new DataQuality(TimeSpan.FromHours(4)),
            },
            time,
            services.Get<MemoryStore>()
        );
        Assert.Empty((await lenient.Reports.RunDayAsync(Day)).Exceptions);
    }

    [Fact]
    public async Task ImportedRowsAreListedUnlessThePolicySaysNot()
    {
        var time = new FakeTimeProvider(Arrival);
        await using var services = Services(Shipped.Policy, time);
        var ticket = await OpenAsync(services, entered: true);
        time.SetUtcNow(Arrival.AddMinutes(10));
        await services.Events.RecordAsync(
            ticket,
            new AgentResponse(Arrival.AddMinutes(5), "import", "reply-1") { Entered = true },
            "test"
        );
        await services.Events.RecordAsync(
            ticket,
            new StatusChanged(Arrival.AddMinutes(6), "import", "done-1", TicketStatus.Resolved) { Entered = true },
            "test"
        );
        await services.Events.RecordAsync(
            ticket,
            new CustomerConfirmed(Arrival.AddMinutes(7), "customer", "confirm-1", Confirmation.Resolved)
            {
                Entered = true,
            },
            "test"
        );

        var row = Assert.Single((await services.Reports.RunDayAsync(Day)).Exceptions);
        Assert.Equal("Resolved", row.Status);
        Assert.Equal([DataNoteKind.Imported], row.DataQuality.Select(note => note.Kind));
        Assert.Equal("表格导入：请抽查", new ReportLabels(true).DataNote(row.DataQuality[0], Shipped.Policy.TimeZone));

        await using var quiet = Services(
            Shipped.Policy with
            {
                DataQuality = DataQuality.Default with { ListImported = false },
            },
            time,
            services.Get<MemoryStore>()
        );
        Assert.Empty((await quiet.Reports.RunDayAsync(Day)).Exceptions);
    }

    [Fact]
    public void ThePolicySetsTheLateEntryAllowanceAndWhetherImportsAreListed()
    {
        var policy = SlaPolicyLoader.Parse(
            "p.json",
            PolicyJson.WithRules(
                """[{"name":"all","targets":{"firstResponse":"1h"}}]""",
                "\"dataQuality\": { \"lateEntryAfter\": \"30m\", \"listImported\": false },"
            )
        );
        var plain = SlaPolicyLoader.Parse(
            "p.json",
            PolicyJson.WithRules("""[{"name":"all","targets":{"firstResponse":"1h"}}]""")
        );

        Assert.Equal(new DataQuality(TimeSpan.FromMinutes(30), ListImported: false), policy.DataQuality);
        Assert.Equal(new DataQuality(TimeSpan.FromHours(1), ListImported: true), plain.DataQuality);
        var error = Assert.Throws<ConfigException>(() =>
            SlaPolicyLoader.Parse(
                "p.json",
                PolicyJson.WithRules(
                    """[{"name":"all","targets":{"firstResponse":"1h"}}]""",
                    "\"dataQuality\": { \"lateEntryAfter\": \"soon\" },"
                )
            )
        );
        Assert.Equal("$.dataQuality.lateEntryAfter", error.JsonPath);
    }

    private static TestProcess Services(SlaPolicy policy, TimeProvider time, MemoryStore? store = null) =>
        MemoryProcess.Of(policy, time, store);

    private static async Task<string> OpenAsync(TestProcess services, bool entered = false) =>
        (
            await services.Ingestion.IngestAsync(
                new InboundContact
                {
                    Channel = Channel.Email,
                    SourceId = "<q1@example.com>",
                    ReceivedAt = Arrival,
                    From = "a@example.com",
                    Subject = "怎么修改地址",
                    Entered = entered,
                },
                "test"
            )
        ).TicketId!;

    private static DayFigures Figures(DailyAggregate day) => day.All;
}
