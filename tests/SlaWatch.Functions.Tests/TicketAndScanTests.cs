using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Moq;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Settings;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>TicketEvents, TicketGet, PhoneCalls and SlaScan against Azurite; what reaches the sla-events topic through
/// a mocked sender.</summary>
[Collection(AzuriteTests.Name)]
public sealed class TicketAndScanTests(AzuriteFixture azurite)
{
    private static MetricCapture FirstResponses(FunctionApp app) =>
        new(app.Metrics.Meter, "ticket.first_response_minutes");

    private static IEnumerable<(double Minutes, string Channel)> Minutes(MetricCapture capture) =>
        capture.Recorded.Select(item => (item.Value, item.Tags["channel"]));

    private static TimerInfo Timer(bool pastDue) => new() { IsPastDue = pastDue };

    [Fact]
    public async Task AgentToolsRecordEventsAndReadTheTicketWithItsClocks()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:40"));
        var created = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<m1@x>", "2026-11-16 09:30"), "test");
        var number = created.Number!.ToString()!;
        using var listener = FirstResponses(app);
        var events = app.Function<TicketEvents>();
        const string reply =
            """{"kind":"agentResponse","at":"2026-11-16T09:40:00+08:00","actor":"客服A","text":"请重置密码"}""";

        var recorded = await app.AnswerAsync(
            await events.RunAsync(app.Request("POST", $"/api/tickets/{number}/events", reply), number, default)
        );
        var again = await app.AnswerAsync(
            await events.RunAsync(app.Request("POST", $"/api/tickets/{number}/events", reply), number, default)
        );
        var badField = await app.AnswerAsync(
            await events.RunAsync(
                app.Request(
                    "POST",
                    $"/api/tickets/{number}/events",
                    """{"kind":"satisfaction","at":"2026-11-16T09:45:00+08:00","actor":"customer","rating":"""
                        + """9,"scale":5}"""
                ),
                number,
                default
            )
        );
        var unknown = await app.AnswerAsync(
            await events.RunAsync(
                app.Request(
                    "POST",
                    "/api/tickets/20261116-099/events",
                    """{"kind":"status","status":"resolved","at":"2026-11-16T09:45:00+08:00","actor":"客服A"}"""
                ),
                "20261116-099",
                default
            )
        );
        var notJson = await app.AnswerAsync(
            await events.RunAsync(app.Request("POST", $"/api/tickets/{number}/events", "{\"kind\":"), number, default)
        );

        Assert.Equal(
            (202, "recorded", number),
            (recorded.Status, (string)recorded.Json["outcome"]!, (string)recorded.Json["number"]!)
        );
        Assert.Equal("duplicate", (string)again.Json["outcome"]!);
        Assert.Equal((400, "application/problem+json"), (badField.Status, badField.ContentType));
        Assert.StartsWith("rating:", (string)badField.Json["detail"]!, StringComparison.Ordinal);
        Assert.NotNull(badField.Json["quarantineId"]);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(400, notJson.Status);
        Assert.StartsWith("json: not valid JSON", (string)notJson.Json["detail"]!, StringComparison.Ordinal);
        Assert.Equal([(10.0, "email")], Minutes(listener));

        var shown = await app.AnswerAsync(
            await app.Function<TicketGet>().RunAsync(app.Request("GET", $"/api/tickets/{number}"), number, default)
        );
        Assert.Equal((200, "application/json; charset=utf-8"), (shown.Status, shown.ContentType));
        var ticket = shown.Json;
        Assert.Equal(
            ("2026-11-16T09:40:00+08:00", "1391234****", "urgent"),
            (
                (string)ticket["ticket"]!["firstResponseAt"]!,
                (string)ticket["ticket"]!["customer"]!,
                (string)ticket["ticket"]!["priority"]!
            )
        );
        Assert.Equal(
            "Met",
            (string)ticket["clocks"]!.AsArray().First(clock => (string)clock!["metric"]! == "firstResponse")!["state"]!
        );
        Assert.DoesNotContain("13912341522", shown.Body, StringComparison.Ordinal);

        var missing = await app.AnswerAsync(
            await app.Function<TicketGet>().RunAsync(app.Request("GET", "/api/tickets/nothing"), "nothing", default)
        );
        Assert.Equal((404, "no ticket nothing"), (missing.Status, (string)missing.Json["detail"]!));
    }

    [Fact]
    public async Task ACallLogIsValidatedRowByRowAndEveryChannelsFirstResponseIsMeasured()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 12:00"));
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);
        using var listener = FirstResponses(app);
        var log = string.Join(
            '\n',
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"SIP/1001-1\",\"Dial\",\"SIP/1001,20\","
                + "\"2026-11-16 09:30:00\",\"2026-11-16 09:30:12\",\"2026-11-16 09:36:00\",360,348,\"ANSWERED\","
                + "\"DOCUMENTATION\",\"1700100000.1\",\"\"",
            "\"\",\"13800001234\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-3\",\"\",\"Dial\",\"SIP/1001,20\","
                + "\"2026-11-16 09:40:00\",\"\",\"2026-11-16 09:40:20\",20,0,\"NO ANSWER\",\"DOCUMENTATION\","
                + "\"1700100000.2\",\"\"",
            "\"\",\"13600005555\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-4\",\"\",\"Dial\",\"SIP/1001,20\","
                + "\"2026-11-16 25:41:00\",\"\",\"2026-11-16 09:41:02\",2,0,\"BUSY\",\"DOCUMENTATION\","
                + "\"1700100000.3\",\"\""
        );

        var answer = await app.PostCallLogAsync(
            log,
            ChatBodies.Signed(log, app.Time.GetUtcNow(), FunctionApp.PhoneSecret)
        );
        Assert.Equal(202, answer.Status);
        var error = answer.Json["errors"]![0]!;
        Assert.Equal(
            (2, 1, 3, "start"),
            (
                (int)answer.Json["accepted"]!,
                (int)answer.Json["rejected"]!,
                (int)error["line"]!,
                (string)error["column"]!
            )
        );
        Assert.Contains(
            "25:41",
            Assert.Single(await app.Get<IQuarantine>().ListAsync("phone", new DateOnly(2026, 11, 16))).Raw,
            StringComparison.Ordinal
        );
        var processor = app.Function<InboundProcessor>();
        Assert.Equal(
            0,
            await new QueueListener(app).DrainAsync(TriggerNames.InboundQueue, message =>
                processor.RunAsync(message, default)
            )
        );
        var day = await app.Get<ITicketIndex>().ReadDayAsync(new DateOnly(2026, 11, 16));
        Assert.Equal(2, day.Count);
        Assert.Equal("callback", (await app.Get<ITicketStore>().LoadAsync(day[1].TicketId))!.State.Category);

        // A chat conversation answered through the queue, and an agent's reply recorded through the API.
        var chat = app.Get<InboundProcessing>();
        foreach (
            var body in new[]
            {
                ChatBodies.Opened("fr-1", "退款", "2026-11-16T11:00:00+08:00"),
                ChatBodies.AgentMessage("fr-1", "fr-1-a", "好的", "2026-11-16T11:03:00+08:00"),
            }
        )
        {
            var envelope = new InboundEnvelope(InboundEnvelope.Chat, app.Time.GetUtcNow())
            {
                Format = "generic",
                Body = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body)),
            };
            await chat.ProcessAsync(
                BinaryData.FromString(envelope.ToJson()),
                new InboundDelivery("fr", 1, Last: false)
            );
        }

        Assert.Equal(
            [(0.2, "phone"), (3.0, "chat")],
            Minutes(listener).Select(item => (Math.Round(item.Minutes, 2), item.Channel))
        );
    }

    [Fact]
    public async Task TheScanPublishesEachAnnouncementToTheTopicOnTimeAndWhenLate()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:30"));
        var created = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<m2@x>", "2026-11-16 09:30"), "test");
        var scan = app.Function<SlaScan>();

        app.Time.SetUtcNow(Shipped.At("2026-11-16 09:42"));
        var onTime = await scan.RunAsync(Timer(pastDue: false), default);
        // The host was down past the breach and the escalation: the late run catches up from the watermark.
        app.Time.SetUtcNow(Shipped.At("2026-11-16 10:05"));
        var late = await scan.RunAsync(Timer(pastDue: true), default);

        Assert.Equal(1, onTime.Announcements["warning"]);
        Assert.True(late.Announcements["breach"] >= 1);
        var sent = app.Sent.ToArray();
        Assert.Equal(
            ["warning", "breach", "escalation"],
            sent.Where(message => message.ApplicationProperties["metric"] is "firstResponse")
                .Select(message => message.Subject)
        );
        foreach (var message in sent)
        {
            var body = JsonNode.Parse(message.Body.ToString())!;
            Assert.Equal(
                $"{created.TicketId}|{(string)body["metric"]!}|c1|{message.Subject}|L{(int)body["level"]!}",
                message.MessageId
            );
            Assert.Equal(
                (created.TicketId, message.Subject, "application/json"),
                (message.CorrelationId, (string)message.ApplicationProperties["kind"], message.ContentType)
            );
            Assert.Equal(
                ("email", "urgent", created.Number!.ToString()),
                (
                    (string)message.ApplicationProperties["channel"],
                    (string)message.ApplicationProperties["priority"],
                    (string)message.ApplicationProperties["ticket"]
                )
            );
            Assert.Equal((int)body["level"]!, (int)message.ApplicationProperties["level"]);
            Assert.DoesNotContain("13912341522", message.Body.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(sent.Length, sent.Select(message => message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task AFailedSendLeavesTheAnnouncementForTheNextScan()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:30"));
        var created = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<m3@x>", "2026-11-16 09:30"), "test");
        var scan = app.Function<SlaScan>();
        app.Time.SetUtcNow(Shipped.At("2026-11-16 09:42"));

        app.BusFails = true;
        var failed = await scan.RunAsync(Timer(pastDue: false), default);
        app.BusFails = false;
        app.Time.SetUtcNow(Shipped.At("2026-11-16 09:43"));
        var next = await scan.RunAsync(Timer(pastDue: false), default);

        Assert.Equal((1, 0), (failed.DeliveryFailures, failed.Notifications));
        app.Bus.Verify(
            sender => sender.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()),
            Times.Exactly(2)
        );
        var message = Assert.Single(app.Sent);
        Assert.Equal(
            ($"{created.TicketId}|firstResponse|c1|warning|L1", "warning"),
            (message.MessageId, message.Subject)
        );
        Assert.Equal(1, next.Announcements["warning"]);
    }

    [Fact]
    public async Task TheBacklogIsServedSoonestDueFirstWithoutContacts()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:31"));
        var older = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<b1@x>", "2026-11-16 09:00"), "test");
        var newer = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<b2@x>", "2026-11-16 09:30"), "test");
        var backlog = app.Function<BacklogGet>();

        var now = await app.AnswerAsync(await backlog.RunAsync(app.Request("GET", "/api/backlog"), default));
        var earlier = await app.AnswerAsync(
            await backlog.RunAsync(
                app.Request("GET", "/api/backlog", query: "?at=2026-11-16T09:10:00%2B08:00"),
                default
            )
        );
        var bad = await app.AnswerAsync(
            await backlog.RunAsync(app.Request("GET", "/api/backlog", query: "?at=yesterday"), default)
        );

        Assert.Equal(200, now.Status);
        var tickets = now.Json["tickets"]!.AsArray();
        Assert.Equal(
            [older.Number!.ToString(), newer.Number!.ToString()],
            tickets.Select(row => (string)row!["number"]!)
        );
        // The older urgent ticket's first response (15 min) is breached: it comes first.
        Assert.Equal(("breached", "running"), ((string)tickets[0]!["state"]!, (string)tickets[1]!["state"]!));
        Assert.Equal(1, (int)earlier.Json["count"]!);
        Assert.Equal(400, bad.Status);
        Assert.DoesNotContain("13912341522", now.Body, StringComparison.Ordinal);
    }
}
