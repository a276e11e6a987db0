using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Functions.Functions;
using SlaWatch.Functions.Telemetry;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>TicketEvents, TicketGet, SlaScan, DailyReport and Reports, with the host's payloads, against Azurite.</summary>
[Collection(AzuriteTests.Name)]
public sealed class TicketAndReportFunctionTests(AzuriteFixture azurite)
{
    private static InboundContact Urgent(string source, string wall) => new()
    {
        Channel = Channel.Email,
        SourceId = source,
        ReceivedAt = Shipped.At(wall),
        From = "13912341522",
        Subject = "无法登录",
    };

    [Fact]
    public async Task AgentToolsRecordEventsAndReadTheTicketWithItsClocks()
    {
        await using var host = new FunctionHost(azurite.ConnectionString, Shipped.At("2026-11-16 09:40"));
        var created = await host.App.Tickets.Ingestion.IngestAsync(Urgent("<m1@x>", "2026-11-16 09:30"), "test");
        var number = created.Number!.ToString()!;
        var minutes = new List<double>();
        using var listener = new MeterListener { InstrumentPublished = (instrument, meter) => { if (instrument.Meter.Name == SlaMetrics.MeterName && instrument.Name == "ticket.first_response_minutes") { meter.EnableMeasurementEvents(instrument); } } };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => minutes.Add(value));
        listener.Start();

        var recorded = await host.InvokeAsync("TicketEvents", FunctionHost.HttpRequest("POST", $"/api/tickets/{number}/events",
            """{"kind":"agentResponse","at":"2026-11-16T09:40:00+08:00","actor":"客服A","text":"请重置密码"}""", parameters: new Dictionary<string, string> { ["id"] = number }));
        var again = await host.InvokeAsync("TicketEvents", FunctionHost.HttpRequest("POST", $"/api/tickets/{number}/events",
            """{"kind":"agentResponse","at":"2026-11-16T09:40:00+08:00","actor":"客服A","text":"请重置密码"}""", parameters: new Dictionary<string, string> { ["id"] = number }));
        var badField = await host.InvokeAsync("TicketEvents", FunctionHost.HttpRequest("POST", $"/api/tickets/{number}/events",
            """{"kind":"satisfaction","at":"2026-11-16T09:45:00+08:00","actor":"customer","rating":9,"scale":5}""", parameters: new Dictionary<string, string> { ["id"] = number }));
        var unknown = await host.InvokeAsync("TicketEvents", FunctionHost.HttpRequest("POST", "/api/tickets/20261116-099/events",
            """{"kind":"status","status":"resolved","at":"2026-11-16T09:45:00+08:00","actor":"客服A"}""", parameters: new Dictionary<string, string> { ["id"] = "20261116-099" }));

        Assert.Equal((202, "recorded"), (FunctionHost.Response(recorded).Status, (string)JsonNode.Parse(FunctionHost.Response(recorded).Body)!["outcome"]!));
        Assert.Equal("duplicate", (string)JsonNode.Parse(FunctionHost.Response(again).Body)!["outcome"]!);
        Assert.Equal(400, FunctionHost.Response(badField).Status);
        Assert.StartsWith("rating:", (string)JsonNode.Parse(FunctionHost.Response(badField).Body)!["error"]!, StringComparison.Ordinal);
        Assert.Equal(404, FunctionHost.Response(unknown).Status);
        Assert.Equal([10.0], minutes);

        var shown = await host.InvokeAsync("TicketGet", FunctionHost.HttpRequest("GET", $"/api/tickets/{number}", parameters: new Dictionary<string, string> { ["idOrNumber"] = number }));
        var (status, body, contentType) = FunctionHost.Response(shown);
        Assert.Equal((200, "application/json; charset=utf-8"), (status, contentType));
        var ticket = JsonNode.Parse(body)!;
        Assert.Equal(("2026-11-16T09:40:00+08:00", "139****1522", "urgent"), ((string)ticket["ticket"]!["firstResponseAt"]!, (string)ticket["ticket"]!["customer"]!, (string)ticket["ticket"]!["priority"]!));
        Assert.Equal("Met", (string)ticket["clocks"]!.AsArray().First(clock => (string)clock!["metric"]! == "firstResponse")!["state"]!);
        Assert.DoesNotContain("13912341522", body, StringComparison.Ordinal);

        var missing = await host.InvokeAsync("TicketGet", FunctionHost.HttpRequest("GET", "/api/tickets/nothing", parameters: new Dictionary<string, string> { ["idOrNumber"] = "nothing" }));
        Assert.Equal(404, FunctionHost.Response(missing).Status);
    }

    [Fact]
    public async Task TheScanAnnouncesToTheTopicOnTimeAndWhenLate()
    {
        await using var host = new FunctionHost(azurite.ConnectionString, Shipped.At("2026-11-16 09:30"));
        await host.App.Tickets.Ingestion.IngestAsync(Urgent("<m2@x>", "2026-11-16 09:30"), "test");
        var warnings = 0L;
        using var listener = new MeterListener { InstrumentPublished = (instrument, meter) => { if (instrument.Meter.Name == SlaMetrics.MeterName && instrument.Name == "sla.warnings") { meter.EnableMeasurementEvents(instrument); } } };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref warnings, value));
        listener.Start();

        host.Time.SetUtcNow(Shipped.At("2026-11-16 09:42"));
        var onTime = await host.InvokeAsync("SlaScan", FunctionHost.Timer(pastDue: false));
        // The host was down past the breach and escalation: the late run catches up from the watermark.
        host.Time.SetUtcNow(Shipped.At("2026-11-16 10:05"));
        var late = await host.InvokeAsync("SlaScan", FunctionHost.Timer(pastDue: true));

        Assert.Contains("announced 1 warning", (string)onTime["Logs"]![0]!, StringComparison.Ordinal);
        Assert.Contains("(late: catching up from the watermark)", (string)late["Logs"]![0]!, StringComparison.Ordinal);
        var events = host.Bus.To("sla-events").ToArray();
        Assert.Equal(["warning", "breach", "escalation"], events.Select(message => JsonNode.Parse(message.Headers["kind"])!.GetValue<string>()));
        Assert.All(events, message => Assert.Equal(("email", "urgent"), (JsonNode.Parse(message.Headers["channel"])!.GetValue<string>(), JsonNode.Parse(message.Headers["priority"])!.GetValue<string>())));
        Assert.All(events, message => Assert.DoesNotContain("13912341522", message.Body, StringComparison.Ordinal));
        Assert.Equal(1, warnings);
    }

    [Fact]
    public async Task TheDailyReportCatchesUpMissedDaysAndServesTheReports()
    {
        await using var host = new FunctionHost(azurite.ConnectionString, Shipped.At("2026-11-12 10:05"));
        await host.App.Tickets.Ingestion.IngestAsync(Urgent("<d12@x>", "2026-11-12 10:00"), "test");
        host.Time.SetUtcNow(Shipped.At("2026-11-13 00:05"));
        var first = await host.InvokeAsync("DailyReport", FunctionHost.Timer(pastDue: false));
        Assert.Contains("daily report 2026-11-12: 1 tickets", first["Logs"]!.AsArray().Select(line => (string)line!).First(line => line.StartsWith("daily report 2026", StringComparison.Ordinal)), StringComparison.Ordinal);

        host.Time.SetUtcNow(Shipped.At("2026-11-13 10:05"));
        await host.App.Tickets.Ingestion.IngestAsync(Urgent("<d13@x>", "2026-11-13 10:00"), "test");

        // Three nights missed: the next run does the 13th, 14th and 15th.
        host.Time.SetUtcNow(Shipped.At("2026-11-16 03:00"));
        var late = await host.InvokeAsync("DailyReport", FunctionHost.Timer(pastDue: true));
        var days = late["Logs"]!.AsArray().Select(line => (string)line!).Where(line => line.StartsWith("daily report 2026", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["2026-11-13", "2026-11-14", "2026-11-15"], days.Select(line => line["daily report ".Length..("daily report ".Length + 10)]));
        Assert.Equal("2026-11-15", await host.App.Tickets.Checkpoints.GetAsync(DailyReport.LastDayKey));
        Assert.Equal(1, (await host.App.Tickets.Aggregates.ReadDayAsync(new DateOnly(2026, 11, 13)))!.All.Received);

        var json = await host.InvokeAsync("Reports", FunctionHost.HttpRequest("GET", "/api/reports/daily", parameters: new Dictionary<string, string> { ["kind"] = "daily" }, query: new Dictionary<string, string> { ["date"] = "2026-11-12", ["format"] = "json" }));
        Assert.Equal(1, (int)JsonNode.Parse(FunctionHost.Response(json).Body)!["figures"]!.AsArray().First(row => (string)row!["key"]! == "received")!["value"]!);
        var csv = await host.InvokeAsync("Reports", FunctionHost.HttpRequest("GET", "/api/reports/weekly", parameters: new Dictionary<string, string> { ["kind"] = "weekly" }, query: new Dictionary<string, string> { ["week"] = "2026-W46", ["format"] = "csv" }));
        Assert.Equal("text/csv; charset=utf-8", FunctionHost.Response(csv).ContentType);
        Assert.Contains("received,Tickets received,2,", FunctionHost.Response(csv).Body, StringComparison.Ordinal);
        var html = await host.InvokeAsync("Reports", FunctionHost.HttpRequest("GET", "/api/reports/weekly", parameters: new Dictionary<string, string> { ["kind"] = "weekly" }, query: new Dictionary<string, string> { ["week"] = "2026-W46", ["format"] = "html", ["lang"] = "zh-CN" }));
        Assert.Contains("echarts", FunctionHost.Response(html).Body, StringComparison.Ordinal);
        var wrong = await host.InvokeAsync("Reports", FunctionHost.HttpRequest("GET", "/api/reports/monthly", parameters: new Dictionary<string, string> { ["kind"] = "monthly" }));
        Assert.Equal(400, FunctionHost.Response(wrong).Status);
    }
}
