using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Storage.Tests;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

[Collection(AzuriteTests.Name)]
public class CallIngesterTests(AzuriteFixture azurite)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task AnsweredCallsMeetOrMissTheRingTargetAndMissedCallsBecomeLateCallbacks()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 12:00"));
        var ingester = Calls(world);
        var (calls, _) = CallLogReader.Read(File.ReadAllText(Corpus.Own("calls", "Master.csv")), Shanghai);

        var results = new List<IngestResult>();
        foreach (var call in calls)
        {
            results.Add(await ingester.IngestAsync(call, "test", call.CallId));
        }

        Assert.All(results, result => Assert.Equal(IngestOutcome.Created, result.Outcome));
        Assert.Equal([true, false, false, false], calls.Select(ingester.MetRingTarget).Select(met => met == true));
        var answered = (await world.Main.Store.LoadAsync(results[0].TicketId!))!;
        var missed = (await world.Main.Store.LoadAsync(results[1].TicketId!))!;
        var slow = (await world.Main.Store.LoadAsync(results[3].TicketId!))!;
        ClockState FirstResponse(Core.Ports.StoredTicket ticket) =>
            SlaClockCalculator
                .Compute(ticket.Events, Shipped.Policy, Shipped.At("2026-11-16 12:00"))
                .Single(clock => clock.Metric == SlaMetric.FirstResponse)
                .State;

        Assert.Equal(ClockState.Met, FirstResponse(answered));
        Assert.Equal(ClockState.Breached, FirstResponse(missed));
        Assert.Equal(ClockState.Breached, FirstResponse(slow));
        Assert.Equal(("callback", "未接来电：无人接听"), (missed.State.Category, missed.State.OverdueReason));
        Assert.Equal("1001", answered.State.Owner);
        Assert.Equal("1380000****", missed.State.Customer.Masked);
    }

    [Fact]
    public async Task ACallFromTheSameNumberWithinTheWindowContinuesTheOpenTicket()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 23:00"));
        var ingester = Calls(world, options => options.RepeatWindow = TimeSpan.FromHours(2));
        CallRecord Call(string id, string start, string? answer) =>
            new(
                id,
                "139-1234-1522",
                Shipped.At(start),
                answer is null ? null : Shipped.At(answer),
                Shipped.At(start).AddMinutes(5),
                answer is null ? CallDisposition.NoAnswer : CallDisposition.Answered,
                "1001"
            );

        var first = await ingester.IngestAsync(Call("c1", "2026-11-16 09:00", null), "test", "c1");
        var again = await ingester.IngestAsync(Call("c2", "2026-11-16 09:40", "2026-11-16 09:40:05"), "test", "c2");
        var repeat = await ingester.IngestAsync(Call("c2", "2026-11-16 09:40", "2026-11-16 09:40:05"), "test", "c2");
        var later = await ingester.IngestAsync(Call("c3", "2026-11-16 13:00", "2026-11-16 13:00:03"), "test", "c3");

        Assert.Equal((IngestOutcome.Threaded, first.TicketId), (again.Outcome, again.TicketId));
        Assert.Equal(IngestOutcome.Duplicate, repeat.Outcome);
        Assert.Equal(IngestOutcome.Created, later.Outcome);
        var ticket = (await world.Main.Store.LoadAsync(first.TicketId!))!;
        Assert.Equal(4, ticket.Events.Count);
    }

    [Fact]
    public async Task ARingGroupAnsweredOnItsSecondLegIsOneAnsweredTicketAndVoicemailIsACallback()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-19 12:00"));
        var ingester = Calls(world);
        var (calls, _) = CallLogReader.Read(File.ReadAllText(Corpus.Own("calls", "ring-group-cdr-csv.csv")), Shanghai);

        var results = new List<IngestResult>();
        foreach (var call in calls)
        {
            results.Add(await ingester.IngestAsync(call, "test", call.CallId));
        }

        Assert.All(results, result => Assert.Equal(IngestOutcome.Created, result.Outcome));
        // 9 seconds is within three rings of 5 seconds; 30 seconds to the agent behind the IVR is not.
        Assert.Equal([true, false, false, false], calls.Select(ingester.MetRingTarget).Select(met => met == true));
        var group = (await world.Main.Store.LoadAsync(results[0].TicketId!))!.State;
        Assert.Equal(("2002", "来电", (string?)null), (group.Owner, group.Subject, group.OverdueReason));
        var voicemail = (await world.Main.Store.LoadAsync(results[1].TicketId!))!.State;
        Assert.Equal(
            ("callback", "未接来电：无坐席接听，仅由交换机的 VoiceMail 接起"),
            (voicemail.Category, voicemail.OverdueReason)
        );
        Assert.Null(voicemail.FirstResponseAt);
        var queued = (await world.Main.Store.LoadAsync(results[2].TicketId!))!.State;
        Assert.Equal(Shipped.At("2026-11-19 09:20:30"), queued.FirstResponseAt);
    }

    [Fact]
    public async Task MenuTimeIsNotRingingAndTheQueueNamesTheCategory()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 12:00"));
        var ingester = Calls(world, options =>
            options.QueueCategories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Support"] = "technical-fault",
            }
        );
        // 12 s in the menu, then the queue; an agent answered 12 s later: within three rings of 5 s.
        var call = new CallRecord(
            "ivr-1",
            "13912341522",
            Shipped.At("2026-11-16 10:00:00"),
            Shipped.At("2026-11-16 10:00:24"),
            Shipped.At("2026-11-16 10:05:00"),
            CallDisposition.Answered,
            "2003"
        )
        {
            ReachedAgentsAt = Shipped.At("2026-11-16 10:00:12"),
            Queue = "support",
        };

        var result = await ingester.IngestAsync(call, "test", "raw");

        var ticket = (await world.Main.Store.LoadAsync(result.TicketId!))!;
        var clock = SlaClockCalculator
            .Compute(ticket.Events, Shipped.Policy, Shipped.At("2026-11-16 12:00"))
            .Single(clock => clock.Metric == SlaMetric.FirstResponse);
        Assert.Equal(true, ingester.MetRingTarget(call));
        Assert.Equal((ClockState.Met, TimeSpan.FromSeconds(12)), (clock.State, clock.Elapsed));
        Assert.Equal(
            (Shipped.At("2026-11-16 10:00:12"), "technical-fault"),
            (ticket.State.ReceivedAt, ticket.State.Category)
        );
    }

    [Fact]
    public async Task ACallAbandonedInTheQueueIsACallBackWithTheQueuesReason()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-19 12:00"));
        var ingester = Calls(world, options =>
            options.QueueCategories = new Dictionary<string, string> { ["billing"] = "payment" }
        );
        var (calls, _) = CallLogReader.Read(File.ReadAllText(Corpus.Own("calls", "queue_log")), Shanghai);
        var abandoned = calls.Single(call => call.CallId == "1763515800.40");

        var result = await ingester.IngestAsync(abandoned, "test", "raw");

        var ticket = (await world.Main.Store.LoadAsync(result.TicketId!))!;
        Assert.Equal(
            ("callback", "未接来电：客户排队 40 秒后挂断"),
            (ticket.State.Category, ticket.State.OverdueReason)
        );
    }

    [Fact]
    public async Task AQueueMappedOntoACategoryNotConfiguredIsRefusedNamingTheQueueAndTheList()
    {
        await using var world = new TestWorld(azurite.ConnectionString);

        var error = Assert.Throws<OptionsValidationException>(() => Calls(world, options => options.QueueCategories =
                    new Dictionary<string, string>
                    {
                        ["sales"] = "saels",
                        ["billing"] = "支付问题",
                        ["support"] = "Technical-Fault",
                    }));

        // A category is named by its key or either of its names, case ignored; anything else is a typo.
        var problem = Assert.Single(error.Failures);
        Assert.StartsWith(
            "queue 'sales': 'saels' is not a configured category; use ",
            problem,
            StringComparison.Ordinal
        );
        Assert.Contains("technical-fault", problem, StringComparison.Ordinal);
    }

    private static CallIngester Calls(TestWorld world, Action<CallOptions>? configure = null) =>
        world
            .Main.With(services => services.Configure(configure ?? (_ => { })).AddSlaWatchChannels())
            .Get<CallIngester>();
}
