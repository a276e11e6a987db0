using System.Text;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Settings;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// The inbound queue keeps no order: whatever order a conversation's deliveries are processed in, the ticket and its
/// clocks come out the same; what never finds its ticket ends in the poison queue and from there in quarantine.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class InboundOrderTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = Shipped.At("2026-11-16 10:00");

    private static string[] Conversation(string id) =>
        [
            ChatBodies.Opened(id, "无法登录", "2026-11-16T09:30:00+08:00"),
            ChatBodies.CustomerMessage(id, id + "-m1", "还是不行", "2026-11-16T09:31:00+08:00"),
            ChatBodies.CustomerMessage(id, id + "-m2", "截图已发", "2026-11-16T09:33:00+08:00"),
            ChatBodies.AgentMessage(id, id + "-a1", "请清除缓存后重试", "2026-11-16T09:34:00+08:00"),
            ChatBodies.Resolved(id, "2026-11-16T09:40:00+08:00"),
        ];

    private static BinaryData Envelope(string body) =>
        BinaryData.FromString(
            new InboundEnvelope(InboundEnvelope.Chat, Now)
            {
                Format = "generic",
                Body = Convert.ToBase64String(Encoding.UTF8.GetBytes(body)),
            }.ToJson()
        );

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany(
                (item, index) =>
                    Permutations([.. items[..index], .. items[(index + 1)..]]).Select(rest => (int[])[item, .. rest])
            );

    /// <summary>Delivers in the given order; what must wait goes to the back with its dequeue count raised, as the
    /// queue does.</summary>
    private static async Task<int> DeliverAsync(InboundProcessing processing, IReadOnlyList<string> bodies, int[] order)
    {
        var pending = new Queue<(int Index, long Count)>(order.Select(index => (index, 1L)));
        var waits = 0;
        while (pending.TryDequeue(out var next))
        {
            Assert.True(
                next.Count <= QueueListener.MaxDequeueCount,
                $"delivery {next.Index} would have gone to poison in order {string.Join(",", order)}"
            );
            try
            {
                await processing.ProcessAsync(
                    Envelope(bodies[next.Index]),
                    new InboundDelivery($"m{next.Index}", next.Count, Last: false)
                );
            }
            catch (InboundNotReadyException)
            {
                waits++;
                pending.Enqueue((next.Index, next.Count + 1));
            }
        }

        return waits;
    }

    private static string Shape(Core.Ports.StoredTicket ticket, SlaPolicy policy)
    {
        var state = ticket.State with { Id = "-", Number = null };
        var clocks = SlaClockCalculator.Compute(ticket.Events, policy, Shipped.At("2026-11-17 12:00"));
        var events = ticket.Events.Select(item => $"{item.GetType().Name}@{item.At:O}").Order(StringComparer.Ordinal);
        return JsonSerializer.Serialize(
            new
            {
                state,
                clocks,
                events,
            }
        );
    }

    [Fact]
    public async Task EveryOrderOfAConversationsDeliveriesEndsInTheSameTicketAndClocks()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var processing = app.Get<InboundProcessing>();
        var orders = Permutations([0, 1, 2, 3, 4]).ToArray();
        Assert.Equal(120, orders.Length);

        var shapes = new string[orders.Length];
        var waits = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, orders.Length),
            new ParallelOptions { MaxDegreeOfParallelism = 6 },
            async (i, cancellationToken) =>
            {
                var conversation = $"perm-{i}";
                Interlocked.Add(ref waits, await DeliverAsync(processing, Conversation(conversation), orders[i]));
                var ticket = (
                    await app.Get<ITicketStore>()
                        .LoadAsync(TicketIds.ForThread(Channel.Chat, "generic:" + conversation), cancellationToken)
                )!;
                shapes[i] = Shape(ticket, app.Get<SlaPolicy>()).Replace(conversation, "conv", StringComparison.Ordinal);
            }
        );

        Assert.Single(shapes.Distinct());
        var inOrder = (await app.Get<ITicketStore>().LoadAsync(TicketIds.ForThread(Channel.Chat, "generic:perm-0")))!;
        Assert.Equal(
            (Shipped.At("2026-11-16 09:30"), Shipped.At("2026-11-16 09:34"), Shipped.At("2026-11-16 09:40")),
            (inOrder.State.ReceivedAt, inOrder.State.FirstResponseAt, inOrder.State.ResolvedAt)
        );
        Assert.Equal(
            (Core.Tickets.TicketStatus.Resolved, 0, 5),
            (inOrder.State.Status, inOrder.State.ReopenCount, inOrder.Events.Count)
        );
        // Orders that start with anything but the opening had to wait: the waiting was real.
        Assert.True(waits >= 96, $"{waits} redeliveries");
        Assert.Empty(await app.Get<IQuarantine>().ListAsync("events", DateOnly.FromDateTime(Now.UtcDateTime)));
    }

    [Fact]
    public async Task AnAgentReplyThatArrivesFirstWaitsOnTheRealQueueUntilItsConversationOpens()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);
        var bodies = Conversation("late-open");
        await queue.SendMessageAsync(Envelope(bodies[3]));
        await queue.SendMessageAsync(Envelope(bodies[0]));
        var processor = app.Function<InboundProcessor>();
        var listener = new QueueListener(app);

        var poisoned = await listener.DrainAsync(TriggerNames.InboundQueue, message =>
            processor.RunAsync(message, default)
        );

        Assert.Equal((0, 1), (poisoned, listener.Failures));
        var ticket = (await app.Get<ITicketStore>().LoadAsync(TicketIds.ForThread(Channel.Chat, "generic:late-open")))!;
        Assert.Equal(Shipped.At("2026-11-16 09:34"), ticket.State.FirstResponseAt);
    }

    [Fact]
    public async Task AReplyWhoseConversationNeverOpensEndsInPoisonAndIsDrainedIntoQuarantineWithTheReason()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);
        var poisonQueue = await app.QueueAsync(TriggerNames.InboundPoisonQueue, empty: true);
        var orphan = ChatBodies.AgentMessage("never-opened", "never-a1", "您好", "2026-11-16T09:34:00+08:00");
        await queue.SendMessageAsync(Envelope(orphan));
        var processor = app.Function<InboundProcessor>();

        var poisoned = await new QueueListener(app).DrainAsync(TriggerNames.InboundQueue, message =>
            processor.RunAsync(message, default)
        );

        Assert.Equal(1, poisoned);
        var poison = Assert.Single(await FunctionApp.ReceiveAsync(poisonQueue));
        await app.Function<InboundPoison>().RunAsync(poison, default);

        var kept = Assert.Single(
            await app.Get<IQuarantine>().ListAsync("events", DateOnly.FromDateTime(Now.UtcDateTime))
        );
        Assert.Equal("ticket: no ticket " + TicketIds.ForThread(Channel.Chat, "generic:never-opened"), kept.Reason);
        Assert.Contains("inbound-poison message", kept.Origin, StringComparison.Ordinal);
        Assert.Equal(orphan, kept.Raw);
    }

    [Fact]
    public async Task APoisonMessageWhoseTicketCameMeanwhileIsRecordedNotQuarantined()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var bodies = Conversation("opened-late");
        var processing = app.Get<InboundProcessing>();
        await Assert.ThrowsAsync<InboundNotReadyException>(() =>
            processing.ProcessAsync(
                Envelope(bodies[3]),
                new InboundDelivery("a", QueueListener.MaxDequeueCount, Last: false)
            )
        );
        await processing.ProcessAsync(Envelope(bodies[0]), new InboundDelivery("o", 1, Last: false));
        var poisonQueue = await app.QueueAsync(TriggerNames.InboundPoisonQueue, empty: true);
        await poisonQueue.SendMessageAsync(Envelope(bodies[3]));

        await app.Function<InboundPoison>()
            .RunAsync(Assert.Single(await FunctionApp.ReceiveAsync(poisonQueue)), default);

        var ticket = (
            await app.Get<ITicketStore>().LoadAsync(TicketIds.ForThread(Channel.Chat, "generic:opened-late"))
        )!;
        Assert.Equal(Shipped.At("2026-11-16 09:34"), ticket.State.FirstResponseAt);
        Assert.Empty(await app.Get<IQuarantine>().ListAsync("events", DateOnly.FromDateTime(Now.UtcDateTime)));
    }

    [Fact]
    public async Task AMessageThatIsNotAnEnvelopeIsQuarantinedAtOnceWithItsReason()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var processing = app.Get<InboundProcessing>();

        var garbage = await processing.ProcessAsync(
            BinaryData.FromString("not an envelope"),
            new InboundDelivery("p-1", 1, Last: false)
        );
        var badBody = await processing.ProcessAsync(
            BinaryData.FromString("""{"kind":"chat","receivedAt":"2026-11-16T01:30:00Z","body":"%%%"}"""),
            new InboundDelivery("p-2", 1, Last: false)
        );

        var noAccount = await processing.ProcessAsync(
            BinaryData.FromString("""{"kind":"wechat","receivedAt":"2026-11-16T01:30:00Z","body":"PHhtbC8+"}"""),
            new InboundDelivery("p-3", 1, Last: false)
        );
        var goneAccount = await processing.ProcessAsync(
            BinaryData.FromString(
                """{"kind":"wechat","format":"removed","receivedAt":"2026-11-16T01:30:00Z","body":"PHhtbC8+"}"""
            ),
            new InboundDelivery("p-4", 1, Last: false)
        );

        Assert.Equal(("rejected", "rejected"), (garbage.Outcome, badBody.Outcome));
        Assert.Equal(("rejected", "rejected"), (noAccount.Outcome, goneAccount.Outcome));
        var kept = await app.Get<IQuarantine>().ListAsync("inbound", DateOnly.FromDateTime(Now.UtcDateTime));
        var first = kept.Single(record => record.Id == garbage.QuarantineId);
        Assert.Equal(("inbound message p-1 (delivery 1)", "not an envelope"), (first.Origin, first.Raw));
        Assert.StartsWith("not an inbound envelope", first.Reason, StringComparison.Ordinal);
        Assert.Equal(
            "a chat message whose body is not base64",
            kept.Single(record => record.Id == badBody.QuarantineId).Reason
        );
        Assert.Equal(
            "a wechat message without its account",
            kept.Single(record => record.Id == noAccount.QuarantineId).Reason
        );
        var gone = kept.Single(record => record.Id == goneAccount.QuarantineId);
        Assert.Equal(("WeChat account 'removed' is no longer configured", "<xml/>"), (gone.Reason, gone.Raw));
    }
}
