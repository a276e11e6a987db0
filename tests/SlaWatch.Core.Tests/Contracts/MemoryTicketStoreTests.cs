using System.Text.Json;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;

namespace SlaWatch.Core.Tests.Contracts;

/// <summary>
/// The in-process store keeps a ticket's events as bytes, packed as they are written: what a load returns must be what
/// was written, every field of every kind, offsets and ticks exactly, however many appends made them.
/// </summary>
public sealed class MemoryTicketStoreTests
{
    private static readonly DueEntry WakeUp = new(
        "t",
        new DateTimeOffset(2026, 11, 17, 0, 0, 0, TimeSpan.Zero),
        SlaMetric.Resolution,
        "due"
    );

    // The store's own blocks, and blocks smaller than most writes (each such write has a block of its own) beside
    // ones a few writes share, so tickets' segments lie across blocks.
    [Theory]
    [InlineData(1 << 20)]
    [InlineData(160)]
    public async Task EveryKindOfEventReadsBackAsWritten(int blockSize)
    {
        var random = new Random(31);
        var store = new MemoryTicketStore(blockSize);
        var kinds = new HashSet<Type>();
        var tickets = new List<(string Id, List<TicketEvent> Events, TicketIndexState Index)>();
        for (var ticket = 0; ticket < 400; ticket++)
        {
            var id = $"t-{ticket}";
            var events = Enumerable.Range(0, random.Next(1, 30)).Select(_ => RandomEvent(random)).ToList();
            events[0] = RandomArrival(random);
            kinds.UnionWith(events.Select(item => item.GetType()));
            var created = random.Next(1, events.Count + 1);
            var state = Index(random);
            Assert.True(
                await store.TryCreateAsync(
                    id,
                    new TicketNumber(new DateOnly(2026, 11, 16), ticket),
                    events[..created],
                    state
                )
            );
            var loaded = (await store.LoadAsync(id))!;
            for (var written = created; written < events.Count; )
            {
                var more = random.Next(1, events.Count - written + 1);
                state = Index(random);
                loaded = await store.AppendAsync(loaded, events.GetRange(written, more), state);
                written += more;
                AssertSame(events[..written], loaded.Events);
                loaded = (await store.LoadAsync(id))!;
                AssertSame(events[..written], loaded.Events);
            }

            AssertSame(events, (await store.LoadAsync(id))!.Events);
            tickets.Add((id, events, state));
        }

        // Read again once others were written, with the index state last written beside them.
        foreach (var (id, events, state) in tickets)
        {
            var loaded = (await store.LoadAsync(id))!;
            AssertSame(events, loaded.Events);
            Assert.Equal(state, loaded.Index);
        }

        var everyKind = typeof(TicketEvent)
            .Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(TicketEvent)) && !type.IsAbstract)
            .ToHashSet();
        Assert.Equal(everyKind.OrderBy(type => type.Name), kinds.OrderBy(type => type.Name));
    }

    [Fact]
    public async Task AStaleVersionIsRefused()
    {
        var store = new MemoryTicketStore();
        var number = new TicketNumber(new DateOnly(2026, 11, 16), 1);
        var done = new TicketIndexState(null, new DateOnly(2026, 11, 16));
        await store.TryCreateAsync("t-1", number, [RandomArrival(new Random(1))], done);
        var first = (await store.LoadAsync("t-1"))!;
        var reply = new AgentResponse(first.Events[0].At.AddMinutes(5), "客服A", "r-1", "好的");
        var second = await store.AppendAsync(first, [reply], done);

        await Assert.ThrowsAsync<TicketConflictException>(async () => await store.AppendAsync(first, [reply], done));
        Assert.Equal(2, (await store.LoadAsync("t-1"))!.Events.Count);
        Assert.Equal(second.Version, (await store.LoadAsync("t-1"))!.Version);
    }

    [Fact]
    public async Task ALoadHandsOutTheIdTheTicketWasCreatedWithNotTheCallers()
    {
        var store = new MemoryTicketStore();
        var created = string.Concat("t-", "kept");
        var number = new TicketNumber(new DateOnly(2026, 11, 16), 1);
        var index = new TicketIndexState(null, new DateOnly(2026, 11, 16));
        await store.TryCreateAsync(created, number, [RandomArrival(new Random(2))], index);

        var loaded = (await store.LoadAsync(string.Concat("t-", "kept")))!;
        var appended = await store.AppendAsync(
            loaded with
            {
                Id = string.Concat("t-", "kept"),
            },
            [new Acknowledged(loaded.Events[0].At, "bot", "ack-1")],
            index
        );

        // The index entries and claims written from a loaded ticket share the one string.
        Assert.Same(created, loaded.Id);
        Assert.Same(created, appended.Id);
    }

    /// <summary>Tickets with no wake-up ahead and the same last day keep one state between them; one with a wake-up
    /// keeps its own; each reads back equal to what was written.</summary>
    [Fact]
    public async Task QuietTicketsOfADayShareOneIndexState()
    {
        var store = new MemoryTicketStore();
        var (day, next) = (new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17));
        TicketIndexState[] written =
        [
            new(null, day),
            new(null, day),
            new(WakeUp, day),
            new(WakeUp, day),
            new(null, next),
        ];
        for (var i = 0; i < written.Length; i++)
        {
            await store.TryCreateAsync($"t-{i}", new(day, i + 1), [RandomArrival(new Random(i))], written[i]);
        }

        var read = new TicketIndexState[written.Length];
        for (var i = 0; i < written.Length; i++)
        {
            read[i] = (await store.LoadAsync($"t-{i}"))!.Index;
        }

        Assert.Equal(written, read);
        Assert.Same(read[0], read[1]);
        Assert.NotSame(read[2], read[3]);
        Assert.NotEqual(read[0], read[4]);
        var appended = await store.AppendAsync(
            (await store.LoadAsync("t-2"))!,
            [new Acknowledged(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero), "bot", "ack-2")],
            new TicketIndexState(null, day)
        );
        Assert.Same(read[0], (await store.LoadAsync(appended.Id))!.Index);
    }

    private static void AssertSame(IReadOnlyList<TicketEvent> expected, IReadOnlyList<TicketEvent> actual)
    {
        Assert.Equal(expected, actual);
        // Records compare instants by their UTC ticks; the JSON shows the offsets too.
        Assert.Equal(expected.Select(Json), actual.Select(Json));
    }

    private static string Json(TicketEvent item) => JsonSerializer.Serialize(item, item.GetType());

    // Either state: the store keeps it beside the events, packed or not.
    private static TicketIndexState Index(Random random) =>
        new(random.Next(2) == 0 ? WakeUp : null, new DateOnly(2026, 11, 16));

    private static readonly string?[] Texts =
    [
        null,
        "",
        "好的",
        "Thanks for reaching out, we are looking into it.",
        "退款 🧾 refund\nsecond line\t\"quoted\"",
        new string('长', 70),
        new string('x', 300),
        // Digests after a short prefix are packed as bytes; the rest that look like them, as text.
        "evt:0123456789abcdef01234567",
        "c-89abcdef0123456789ab",
        "0123456789abcdef0123456789abcdef",
        "r-f0123456789abcdef01234567",
        "t" + string.Concat(Enumerable.Repeat("0f", 150)),
        "evt:0123456789ABCDEF01234567",
        "evt:0123456789abcde",
        "seventeen-letters0123456789abcdef",
        "evt:0123456789abcdef01234567\n",
        "退款:0123456789abcdef0123",
    ];

    private static readonly string[] Names = ["客服A", "customer", "li", "ops-wecom", "system", new string('名', 65)];

    private static string? Text(Random random) => Texts[random.Next(Texts.Length)];

    private static string Name(Random random) => Names[random.Next(Names.Length)];

    private static T Pick<T>(Random random)
        where T : struct, Enum => Enum.GetValues<T>()[random.Next(Enum.GetValues<T>().Length)];

    private static DateTimeOffset Instant(Random random) =>
        new(
            new DateTime(2026, 11, 16).AddTicks(
                random.NextInt64(-TimeSpan.TicksPerDay * 40, TimeSpan.TicksPerDay * 40)
            ),
            TimeSpan.FromMinutes(new[] { 0, 480, -210, 345, 840, -720 }[random.Next(6)])
        );

    private static Received RandomArrival(Random random) =>
        Extras(
            random,
            new Received(
                Instant(random),
                Name(random),
                Text(random),
                new[] { Channel.Email, Channel.Chat, Channel.Phone, Channel.FromKey("wecom-sales") }[random.Next(4)],
                Pick<Priority>(random),
                random.Next(3) == 0 ? null : Name(random),
                new CustomerRef($"c-{random.Next(1000):D10}", random.Next(2) == 0 ? "139****1522" : Name(random)),
                Text(random),
                random.Next(2) == 0 ? null : Name(random),
                Text(random),
                Text(random),
                Text(random)
            )
        );

    private static TicketEvent RandomEvent(Random random)
    {
        var (at, actor, source) = (Instant(random), Name(random), Text(random));
        TicketEvent item = random.Next(17) switch
        {
            0 => RandomArrival(random),
            1 => new CustomerMessage(at, actor, source, Text(random)),
            2 => new Acknowledged(at, actor, source),
            3 => new AgentResponse(at, actor, source, Text(random)),
            4 => new StatusChanged(at, actor, source, Pick<TicketStatus>(random), Text(random)),
            5 => new PriorityChanged(at, actor, source, Pick<Priority>(random)),
            6 => new CategoryChanged(at, actor, source, Name(random)),
            7 => new Assigned(at, actor, source, Name(random), random.Next(2) == 0 ? null : Name(random)),
            8 => new SatisfactionRated(at, actor, source, random.Next(-1, 11), random.Next(3, 11), Text(random)),
            9 => new Escalated(at, actor, source, Pick<SlaMetric>(random), random.Next(0, 5)),
            10 => new AlertSent(
                at,
                actor,
                source,
                Pick<SlaMetric>(random),
                random.Next(1, 4),
                Name(random),
                Name(random),
                Name(random),
                random.Next(2) == 0,
                Text(random)
            ),
            11 => new AlertAcknowledged(at, actor, source, Pick<SlaMetric>(random), random.Next(0, 3)),
            12 => new ResolutionPromised(at, actor, source, Instant(random)),
            13 => new OverdueReason(
                at,
                actor,
                source,
                Text(random) ?? "agent busy",
                random.Next(2) == 0 ? null : Pick<SlaMetric>(random)
            ),
            14 => new CustomerConfirmed(at, actor, source, Pick<Confirmation>(random), Text(random)),
            15 => new RemarkAdded(at, actor, source, Text(random) ?? "备注"),
            _ => new FirstContactRecorded(at, actor, source, random.Next(2) == 0),
        };
        return Extras(random, item);
    }

    private static T Extras<T>(Random random, T item)
        where T : TicketEvent =>
        random.Next(3) == 0
            ? item
            : item with
            {
                RecordedAt = random.Next(2) == 0 ? null : Instant(random),
                Entered = random.Next(2) == 0,
                StampedAt = random.Next(3) == 0 ? Instant(random) : null,
                From = random.Next(3) == 0 ? "10.0.0.7" : null,
            };
}
