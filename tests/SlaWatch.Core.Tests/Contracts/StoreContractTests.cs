using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;

namespace SlaWatch.TestSupport;

/// <summary>
/// What every store must do, run against Table Storage (on Azurite) and the in-process store alike, so the two
/// cannot drift: a what-if replay in memory must mean what the same replay on tables means.
/// </summary>
public abstract class StoreContractTests
{
    private static readonly DateTimeOffset T0 = Shipped.At("2026-11-16 09:30");
    private static readonly DateOnly Day = new(2026, 11, 16);
    private static readonly TicketIndexState NoIndex = new(null, Day);

    /// <summary>A process on a fresh store of the kind under test.</summary>
    internal abstract Task<TestProcess> NewStoreAsync();

    private static Received Arrival(string source) =>
        new(
            T0,
            "customer",
            source,
            Channel.Email,
            Priority.High,
            "technical-fault",
            CustomerRef.FromContact("13912341522"),
            "无法登录",
            null,
            "登录时报错"
        );

    [Fact]
    public async Task ATicketIsCreatedOnceAndReadBackWhole()
    {
        var store = (await NewStoreAsync()).Store;
        Assert.Null(await store.LoadAsync("t-absent"));

        var number = new TicketNumber(Day, 7);
        var wakeUp = new DueEntry("t-1", T0.AddHours(1), SlaMetric.FirstResponse, "warning");
        Assert.True(await store.TryCreateAsync("t-1", number, [Arrival("m-1")], new TicketIndexState(wakeUp, Day)));
        Assert.False(await store.TryCreateAsync("t-1", number, [Arrival("m-other")], NoIndex));

        var loaded = await store.LoadAsync("t-1");
        Assert.NotNull(loaded);
        Assert.Equal(number, loaded.Number);
        Assert.Equal("m-1", Assert.Single(loaded.Events).SourceRef);
        Assert.Equal(wakeUp, loaded.Index.WakeUp);
        Assert.Equal(Priority.High, loaded.State.Priority);
    }

    /// <summary>Many tickets at once (a bulk run's): more than a transaction holds in some partitions, one existing,
    /// one twice in the list, one too long to keep its events inline, each created or not as one create would be.
    /// </summary>
    [Fact]
    public async Task ManyTicketsAtOnceAreEachCreatedOrRefusedAsOneCreateWouldBe()
    {
        var store = (await NewStoreAsync()).Store;
        Assert.True(await store.TryCreateAsync("t-m-17", new TicketNumber(Day, 900), [Arrival("m-before")], NoIndex));
        var note = new string('长', 700);
        NewTicket Ticket(int i) =>
            new(
                $"t-m-{i}",
                new TicketNumber(Day, i + 1),
                i == 40
                    ?
                    [
                        Arrival("m-40"),
                        .. Enumerable
                            .Range(0, 60)
                            .Select(k => new RemarkAdded(T0.AddMinutes(k + 1), "客服A", $"n-{k}", note)),
                    ]
                    : [Arrival($"m-{i}"), new AgentResponse(T0.AddMinutes(5), "客服A", $"r-{i}")],
                NoIndex
            );
        NewTicket[] tickets = [.. Enumerable.Range(0, 2000).Select(Ticket), Ticket(5) with { Number = new(Day, 999) }];

        var created = await store.TryCreateManyAsync(tickets);

        Assert.Equal(tickets.Length, created.Count);
        Assert.Equal(
            Enumerable.Range(0, tickets.Length).Where(i => i is 17 or 2000),
            Enumerable.Range(0, tickets.Length).Where(i => !created[i])
        );
        var kept = (await store.LoadAsync("t-m-17"))!;
        Assert.Equal((900, "m-before"), (kept.Number.Serial, Assert.Single(kept.Events).SourceRef));
        var twice = (await store.LoadAsync("t-m-5"))!;
        Assert.Equal((6, 2), (twice.Number.Serial, twice.Events.Count));
        var spilled = (await store.LoadAsync("t-m-40"))!;
        Assert.Equal(61, spilled.Events.Count);
        Assert.Equal("n-59", spilled.Events[^1].SourceRef);
        foreach (var i in new[] { 0, 99, 100, 1999 })
        {
            var ticket = (await store.LoadAsync($"t-m-{i}"))!;
            Assert.Equal((i + 1, $"r-{i}"), (ticket.Number.Serial, ticket.Events[^1].SourceRef));
        }
    }

    [Fact]
    public async Task AppendsKeepOrderPastOneRowAndRefuseAStaleVersion()
    {
        var store = (await NewStoreAsync()).Store;
        await store.TryCreateAsync("t-2", new TicketNumber(Day, 1), [Arrival("m-2")], NoIndex);
        var current = (await store.LoadAsync("t-2"))!;
        var stale = current;
        for (var i = 1; i <= 60; i++)
        {
            current = await store.AppendAsync(
                current,
                [new CustomerMessage(T0.AddMinutes(i), "customer", $"m-2-{i}", new string('字', 400))],
                new TicketIndexState(null, Day.AddDays(i / 30))
            );
        }

        await Assert.ThrowsAsync<TicketConflictException>(async () =>
            await store.AppendAsync(stale, [new CustomerMessage(T0, "customer", "late")], NoIndex)
        );

        var loaded = (await store.LoadAsync("t-2"))!;
        Assert.Equal(61, loaded.Events.Count);
        Assert.Equal(
            Enumerable.Range(1, 60).Select(i => $"m-2-{i}"),
            loaded.Events.Skip(1).Select(item => item.SourceRef)
        );
        Assert.Equal(Day.AddDays(2), loaded.Index.LastActivityDay);
        Assert.Equal(current.Version, loaded.Version);
        Assert.Equal(61, (await store.AppendAsync(loaded, [], loaded.Index)).Events.Count);
    }

    [Fact]
    public async Task SourcesAndDaysAreFoundAndDaysListInSerialOrder()
    {
        var index = (await NewStoreAsync()).Index;
        await index.IndexSourceAsync(Channel.Email, "<a@b>/x y", "t-3");
        Assert.Equal("t-3", await index.FindBySourceAsync(Channel.Email, "<a@b>/x y"));
        Assert.Null(await index.FindBySourceAsync(Channel.Chat, "<a@b>/x y"));

        foreach (var serial in new[] { 1000, 2, 10 })
        {
            await index.IndexDayAsync(
                new DayEntry(Day, new TicketNumber(Day, serial), $"t-{serial}", ReceivedThatDay: serial != 10)
                {
                    CustomerKey = "c1",
                    Category = "billing",
                    ReceivedAt = T0,
                }
            );
        }

        // An arrival's events are summarized by a table, never read back: the in-process store does not keep them.
        await index.IndexDayAsync(
            new DayEntry(Day, new TicketNumber(Day, 2), "t-2", ReceivedThatDay: true)
            {
                CustomerKey = "c2",
                Events = [new Acknowledged(T0, "system", "ack-2")],
            }
        );
        var entries = await index.ReadDayAsync(Day);
        Assert.Equal([2, 10, 1000], entries.Select(entry => entry.Number.Serial));
        Assert.Equal("c2", entries[0].CustomerKey);
        Assert.All(entries, entry => Assert.Null(entry.Events));
        Assert.Equal([true, false, true], entries.Select(entry => entry.ReceivedThatDay));
        Assert.Equal(("billing", T0), (entries[2].Category, entries[2].ReceivedAt));
        Assert.Equal("t-1000", await index.FindByNumberAsync(new TicketNumber(Day, 1000)));
        Assert.Null(await index.FindByNumberAsync(new TicketNumber(Day, 3)));
        Assert.Empty(await index.ReadDayAsync(Day.AddDays(1)));
    }

    /// <summary>
    /// A look at a day's changes gives every entry written since the last look's mark (a store may give some older
    /// again, never fewer), and the first look the whole list.
    /// </summary>
    [Fact]
    public async Task ADaysChangesSinceAMarkHoldEveryEntryWrittenAfterIt()
    {
        var index = (await NewStoreAsync()).Index;
        DayEntry Entry(int serial, string category) =>
            new(Day, new TicketNumber(Day, serial), $"t-{serial}", ReceivedThatDay: true)
            {
                Category = category,
                ReceivedAt = T0.AddMinutes(serial),
            };
        await index.IndexDaysAsync([Entry(1, "billing"), Entry(2, "billing")]);
        await index.IndexDayAsync(Entry(1, "refund") with { Day = Day.AddDays(1), ReceivedThatDay = false });

        var first = await index.ReadDayChangesAsync(Day, since: null);
        Assert.Equal([1, 2], first.Entries.Select(entry => entry.Number.Serial).Order());

        await index.IndexDayAsync(Entry(1000, "refund"));
        await index.IndexDayAsync(Entry(2, "refund"));
        var second = await index.ReadDayChangesAsync(Day, first.Mark);
        var latest = second.Entries.GroupBy(entry => entry.TicketId).ToDictionary(g => g.Key, g => g.Last().Category);
        Assert.Equal(("refund", "refund"), (latest["t-1000"], latest["t-2"]));
        Assert.True(second.Mark.Value >= first.Mark.Value);

        var nothingNew = await index.ReadDayChangesAsync(Day, second.Mark);
        string[] written = ["t-1", "t-2", "t-1000"];
        Assert.All(nothingNew.Entries, entry => Assert.Contains(entry.TicketId, written));
        Assert.Equal(3, (await index.ReadDayChangesAsync(Day, since: null)).Entries.Count);
        Assert.Empty((await index.ReadDayChangesAsync(Day.AddDays(2), since: null)).Entries);
    }

    /// <summary>A ticket listed again under another number is read once, under the last; an entry taken off the list
    /// is neither read nor found by its number, and the others stay.</summary>
    [Fact]
    public async Task ATicketListedAgainIsReadUnderItsLastNumberAndARemovedEntryIsGone()
    {
        var index = (await NewStoreAsync()).Index;
        DayEntry Entry(int serial, string ticketId) =>
            new(Day, new TicketNumber(Day, serial), ticketId, ReceivedThatDay: true) { ReceivedAt = T0 };
        await index.IndexDayAsync(Entry(5, "t-a"));
        await index.IndexDayAsync(Entry(9, "t-b"));
        await index.IndexDayAsync(Entry(7, "t-a"));

        Assert.Equal(
            [(7, "t-a"), (9, "t-b")],
            (await index.ReadDayAsync(Day)).Select(entry => (entry.Number.Serial, entry.TicketId))
        );

        await index.RemoveDayAsync(Entry(9, "t-b"));
        await index.RemoveDayAsync(Entry(11, "t-c"));
        Assert.Equal(
            [(7, "t-a")],
            (await index.ReadDayAsync(Day)).Select(entry => (entry.Number.Serial, entry.TicketId))
        );
        Assert.Null(await index.FindByNumberAsync(new TicketNumber(Day, 9)));
        Assert.Equal("t-a", await index.FindByNumberAsync(new TicketNumber(Day, 7)));
        // A first look at the changes may give an entry that gave way too, before the last (a reader keeps that).
        var changes = (await index.ReadDayChangesAsync(Day, since: null)).Entries;
        Assert.Equal(
            [("t-a", 7)],
            changes.GroupBy(entry => entry.TicketId).Select(ticket => (ticket.Key, ticket.Last().Number.Serial))
        );
    }

    [Fact]
    public async Task ManyDayEntriesAtOnceAreListedAsOneByOneAndAgainChangeNothing()
    {
        var index = (await NewStoreAsync()).Index;
        // 250 entries over two days: more than one transaction for some day shards, and summaries with them.
        DayEntry[] entries =
        [
            .. Enumerable
                .Range(1, 250)
                .Select(serial => new DayEntry(
                    serial % 5 == 0 ? Day.AddDays(1) : Day,
                    new TicketNumber(Day, serial),
                    $"t-{serial}",
                    ReceivedThatDay: serial % 5 != 0
                )
                {
                    CustomerKey = $"c{serial % 7}",
                    Category = "billing",
                    ReceivedAt = T0,
                }),
        ];

        await index.IndexDaysAsync(entries);
        await index.IndexDaysAsync(entries[..10]);

        Assert.Equal(
            [.. Enumerable.Range(1, 250).Where(serial => serial % 5 != 0)],
            (await index.ReadDayAsync(Day)).Select(entry => entry.Number.Serial)
        );
        var later = await index.ReadDayAsync(Day.AddDays(1));
        Assert.Equal(50, later.Count);
        Assert.All(later, entry => Assert.False(entry.ReceivedThatDay));
        Assert.Equal("t-249", await index.FindByNumberAsync(new TicketNumber(Day, 249)));
        Assert.Equal("c3", (await index.ReadDayAsync(Day))[2].CustomerKey);
    }

    [Fact]
    public async Task DueEntriesAreReadByBucketRangeAndTheNextOneIsFound()
    {
        var index = (await NewStoreAsync()).Index;
        var early = new DueEntry("t-a", T0.AddSeconds(20), SlaMetric.FirstResponse, "warning");
        var sameMinute = new DueEntry("t-b", T0.AddSeconds(50), SlaMetric.Resolution, "breach");
        var later = new DueEntry("t-c", T0.AddMinutes(90), SlaMetric.FirstResponse, "escalation-1");
        foreach (var entry in new[] { later, early, sameMinute, early })
        {
            await index.AddDueAsync(entry);
        }

        Assert.Equal(
            ["t-a", "t-b"],
            (await index.ReadDueAsync(early.Bucket, early.Bucket)).Select(entry => entry.TicketId).Order()
        );
        Assert.Equal(3, (await index.ReadDueAsync(early.Bucket, later.Bucket)).Count);
        Assert.Empty(await index.ReadDueAsync(later.Bucket, early.Bucket));

        Assert.Equal(early.At, await index.NextDueAfterAsync(T0));
        Assert.Equal(sameMinute.At, await index.NextDueAfterAsync(early.At));
        Assert.Equal(later.At, await index.NextDueAfterAsync(sameMinute.At));
        Assert.Null(await index.NextDueAfterAsync(later.At));

        await index.RemoveDueAsync(early);
        await index.RemoveDueAsync(early);
        Assert.Equal(sameMinute, Assert.Single(await index.ReadDueAsync(early.Bucket, early.Bucket)));
        Assert.Equal(sameMinute.At, await index.NextDueAfterAsync(T0.AddMinutes(-5)));
    }

    /// <summary>Many wake-ups removed at once, over more than a transaction of one minute and across minutes, one of
    /// them already gone and one given twice: each is gone, and what was not given stays.</summary>
    [Fact]
    public async Task ManyWakeUpsAreRemovedAtOnceWhetherOrNotEachIsThere()
    {
        var index = (await NewStoreAsync()).Index;
        DueEntry Entry(int i) =>
            new($"t-{i}", T0.AddSeconds(i % 60).AddMinutes(i / 150), SlaMetric.FirstResponse, "breach");
        var entries = Enumerable.Range(0, 300).Select(Entry).ToArray();
        foreach (var entry in entries)
        {
            await index.AddDueAsync(entry);
        }

        await index.RemoveDueAsync(entries[7]);
        await index.RemoveDuesAsync([.. entries.Where((_, i) => i % 10 != 3), entries[0]]);

        var left = await index.ReadDueAsync(Entry(0).Bucket, Entry(299).Bucket);
        Assert.Equal(
            entries.Where((_, i) => i % 10 == 3).Select(entry => entry.Key).Order(StringComparer.Ordinal),
            left.Select(entry => entry.Key).Order(StringComparer.Ordinal)
        );
        await index.RemoveDuesAsync([]);
    }

    [Fact]
    public async Task TheOpenSetTakesTicketsInAndOutIdempotently()
    {
        var index = (await NewStoreAsync()).Index;
        Assert.Empty(await index.ReadOpenAsync());

        await index.MarkOpenAsync("t-a", new TicketNumber(Day, 1));
        await index.MarkOpenAsync("t-b", new TicketNumber(Day.AddDays(-40), 9));
        await index.MarkOpenAsync("t-a", new TicketNumber(Day, 1));
        await index.MarkDoneAsync("t-c");
        Assert.Equal(
            [("t-a", "20261116-001"), ("t-b", "20261007-009")],
            (await index.ReadOpenAsync()).Select(entry => (entry.TicketId, entry.Number.ToString())).Order()
        );

        await index.MarkDoneAsync("t-a");
        Assert.Equal("t-b", Assert.Single(await index.ReadOpenAsync()).TicketId);
    }

    [Fact]
    public async Task SerialsCountFromOnePerDayAndReuseWhatWasGivenBack()
    {
        var serials = (await NewStoreAsync()).Serials;
        var handedOut = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            handedOut.Add(await serials.NextAsync(Day));
        }

        Assert.Equal([1, 2, 3], handedOut);
        Assert.Equal(1, await serials.NextAsync(Day.AddDays(1)));
        serials.GiveBack(Day, 2);
        Assert.Equal(2, await serials.NextAsync(Day));
        Assert.Equal(4, await serials.NextAsync(Day));
    }

    [Fact]
    public async Task QuarantineKeepsLongInputWholePerChannelAndDay()
    {
        var quarantine = (await NewStoreAsync()).Quarantine;
        var raw = string.Concat(Enumerable.Range(0, 4000).Select(i => $"行{i:D5}|"));
        var first = await quarantine.PutAsync(
            new QuarantinedInput("email", T0, "imap INBOX uid 4", "from: no sender address", raw)
        );
        var second = await quarantine.PutAsync(
            new QuarantinedInput("email", T0.AddMinutes(1), "imap INBOX uid 5", "subject: too long", "short")
        );
        await quarantine.PutAsync(new QuarantinedInput("chat", T0, "webhook", "json: not valid", "{"));

        var listed = await quarantine.ListAsync("email", DateOnly.FromDateTime(T0.UtcDateTime));
        Assert.Equal([second, first], listed.Select(input => input.Id));
        Assert.Equal(raw, listed[1].Raw);
        Assert.Equal(
            ("imap INBOX uid 4", "from: no sender address", T0),
            (listed[1].Origin, listed[1].Reason, listed[1].At)
        );
        Assert.Empty(await quarantine.ListAsync("email", DateOnly.FromDateTime(T0.UtcDateTime).AddDays(1)));
    }

    [Fact]
    public async Task AQuarantinedInputIsFoundByItsIdWithItsPendingEventAndRemovedWhole()
    {
        var quarantine = (await NewStoreAsync()).Quarantine;
        var raw = new string('长', 70_000);
        var reply = new AgentResponse(T0.AddMinutes(20), "客服A", "r1", "已处理") { Entered = true };
        var id = await quarantine.PutAsync(
            new QuarantinedInput("events", T0, "replies.jsonl:1", "ticket: no ticket 20261116-009", raw)
            {
                Pending = new PendingEvent("20261116-009", reply),
            }
        );
        var other = await quarantine.PutAsync(
            new QuarantinedInput("events", T0, "replies.jsonl:2", "ticket: no ticket 20261116-010", "short")
        );

        var found = await quarantine.GetAsync(id);
        Assert.NotNull(found);
        Assert.Equal((id, raw, "replies.jsonl:1"), (found.Id, found.Raw, found.Origin));
        Assert.Equal(new PendingEvent("20261116-009", reply), found.Pending);
        Assert.Null((await quarantine.GetAsync(other))!.Pending);
        Assert.Null(await quarantine.GetAsync(id + "0"));
        Assert.Null(await quarantine.GetAsync("not an id"));

        Assert.True(await quarantine.RemoveAsync(id));
        Assert.False(await quarantine.RemoveAsync(id));
        Assert.Null(await quarantine.GetAsync(id));
        Assert.Equal(
            [other],
            (await quarantine.ListAsync("events", DateOnly.FromDateTime(T0.UtcDateTime))).Select(input => input.Id)
        );
    }

    [Fact]
    public async Task APurgeRemovesWhatWasKeptBeforeItsDayInOneChannelOrInAll()
    {
        var quarantine = (await NewStoreAsync()).Quarantine;
        var day = DateOnly.FromDateTime(T0.UtcDateTime);
        var lastOfDay = new DateTimeOffset(day, new TimeOnly(23, 59, 59), TimeSpan.Zero);
        await quarantine.PutAsync(new QuarantinedInput("email", lastOfDay, "a", "r", new string('x', 100_000)));
        await quarantine.PutAsync(
            new QuarantinedInput("chat", T0, "b", "r", "{") { Pending = new PendingEvent("t-1", Arrival("m-1")) }
        );
        await quarantine.PutAsync(new QuarantinedInput("chat", T0.AddDays(-3), "c", "r", "{"));
        var firstOfNext = await quarantine.PutAsync(
            new QuarantinedInput("chat", lastOfDay.AddSeconds(1), "d", "r", "{")
        );

        Assert.Equal(1, await quarantine.PurgeAsync("chat", day));
        Assert.Equal(2, await quarantine.PurgeAsync(null, day.AddDays(1)));

        Assert.Empty(await quarantine.ListAsync("email", day));
        Assert.Empty(await quarantine.ListAsync("chat", day));
        Assert.Equal([firstOfNext], (await quarantine.ListAsync("chat", day.AddDays(1))).Select(input => input.Id));
    }

    [Fact]
    public async Task CheckpointsAndClaimsBehaveAsDocumented()
    {
        var ports = await NewStoreAsync();
        Assert.Null(await ports.Checkpoints.GetAsync("imap:x"));
        await ports.Checkpoints.SetAsync("imap:x", "7:10");
        await ports.Checkpoints.SetAsync("imap:x", "7:11");
        Assert.Equal("7:11", await ports.Checkpoints.GetAsync("imap:x"));

        Assert.True(await ports.Ledger.TryClaimAsync("t-1", "breach:first-response:0"));
        Assert.False(await ports.Ledger.TryClaimAsync("t-1", "breach:first-response:0"));
        Assert.True(await ports.Ledger.TryClaimAsync("t-2", "breach:first-response:0"));
        await ports.Ledger.ReleaseAsync("t-1", "breach:first-response:0");
        await ports.Ledger.ReleaseAsync("t-9", "never-claimed");
        Assert.True(await ports.Ledger.TryClaimAsync("t-1", "breach:first-response:0"));
    }

    [Fact]
    public async Task ReleasingOneOfAScopesClaimsLeavesTheOthersClaimed()
    {
        var ledger = (await NewStoreAsync()).Ledger;
        var keys = new[] { "warning|firstResponse", "breach|firstResponse", "escalation|firstResponse|1" };
        Assert.Equal(keys.ToHashSet(), (await ledger.TryClaimAllAsync("t-1", keys)).ToHashSet());

        await ledger.ReleaseAsync("t-1", "breach|firstResponse");
        await ledger.ReleaseAsync("t-1", "breach|never-claimed");
        var again = await ledger.TryClaimAllAsync("t-1", [.. keys, "breach|resolution"]);

        Assert.Equal(["breach|firstResponse", "breach|resolution"], again.Order(StringComparer.Ordinal));
        Assert.False(await ledger.TryClaimAsync("t-1", "warning|firstResponse"));
        Assert.False(await ledger.TryClaimAsync("t-1", "escalation|firstResponse|1"));
        Assert.True(await ledger.TryClaimAsync("t-2", "warning|firstResponse"));
    }

    [Fact]
    public async Task AnAggregateDayIsReplacedWhole()
    {
        var aggregates = (await NewStoreAsync()).Aggregates;
        Assert.Null(await aggregates.ReadDayAsync(Day));

        var email = new DayFigures
        {
            Received = 5,
            Resolved = 4,
            Breaches = 1,
        };
        email.FirstResponse.Add(TimeSpan.FromMinutes(30));
        email.Attainment["first-response"] = new Ratio { Hits = 4, Of = 5 };
        var exception = new ExceptionRow(
            "20261116-001",
            "t-1",
            "email",
            "high",
            "客服A",
            "Open",
            ["resolution"],
            "waiting for parts"
        );
        await aggregates.ReplaceDayAsync(
            new DailyAggregate(Day, Day, "v1", T0, new() { ["all"] = email, ["channel:email"] = email }, [exception])
        );
        await aggregates.ReplaceDayAsync(
            new DailyAggregate(Day, Day, "v2", T0.AddHours(1), new() { ["all"] = email }, [])
        );

        var read = (await aggregates.ReadDayAsync(Day))!;
        Assert.Equal(("v2", T0.AddHours(1)), (read.PolicyVersion, read.ComputedAt));
        Assert.Equal(["all"], read.Figures.Keys);
        Assert.Equal((5, 4, 1), (read.All.Received, read.All.Resolved, read.All.Breaches));
        Assert.Equal(30, read.All.FirstResponse.Mean);
        Assert.Equal(80, read.All.Attainment["first-response"].Percent);
        Assert.Empty(read.Exceptions);
    }

    [Fact]
    public async Task AlertsSentAndAcknowledgedReadBackOnTheTicket()
    {
        var store = (await NewStoreAsync()).Store;
        await store.TryCreateAsync("t-alert", new TicketNumber(Day, 3), [Arrival("m-alert")], NoIndex);
        var current = (await store.LoadAsync("t-alert"))!;
        var sent = new AlertSent(
            T0.AddHours(2),
            "alerts",
            "alert:k|吴值班|ops-wecom",
            SlaMetric.Resolution,
            2,
            "supervisor",
            "吴值班",
            "ops-wecom",
            Delivered: false,
            "failed after retries: 503"
        );
        var ack = new AlertAcknowledged(T0.AddHours(3), "吴值班", "workbench:wu:r1", SlaMetric.Resolution, 1);
        await store.AppendAsync(current, [sent, ack], NoIndex);

        var loaded = (await store.LoadAsync("t-alert"))!;
        Assert.Equal(sent, loaded.Events[1] with { RecordedAt = null });
        Assert.Equal(ack, loaded.Events[2] with { RecordedAt = null });
    }

    [Fact]
    public async Task UndeliveredAlertsAreKeptOnceAndReadByDay()
    {
        var process = await NewStoreAsync();
        var kept = process.Get<IUndeliveredAlerts>();
        UndeliveredAlert Alert(string id, DateTimeOffset at) =>
            new(
                id,
                at,
                "t-1",
                "20261116-007",
                SlaMetric.FirstResponse,
                "breach",
                2,
                "supervisor",
                null,
                "主管 无人值班"
            );

        await kept.KeepAsync(Alert("a|1", T0));
        await kept.KeepAsync(Alert("a|1", T0) with { Reason = "again" });
        await kept.KeepAsync(Alert("a|2", T0.AddDays(1)) with { Person = "吴值班" });
        await kept.KeepAsync(Alert("a|3", T0.AddDays(3)));

        var read = await kept.ReadAsync(Day, Day.AddDays(1));
        Assert.Equal(["a|1", "a|2"], read.Select(alert => alert.Id));
        Assert.Equal("again", read[0].Reason);
        Assert.Equal(Alert("a|2", T0.AddDays(1)) with { Person = "吴值班" }, read[1]);
        Assert.Empty(await kept.ReadAsync(Day.AddDays(-3), Day.AddDays(-1)));
    }
}
