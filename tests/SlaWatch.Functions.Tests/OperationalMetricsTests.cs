using Microsoft.Azure.Functions.Worker;
using Moq;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Telemetry;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The metrics the alert rules and the workbook read: invocations by function and outcome (the scan's
/// heartbeat, the failure alerts), and each stored day's percentiles.</summary>
[Collection(AzuriteTests.Name)]
public sealed class OperationalMetricsTests(AzuriteFixture azurite)
{
    private static FunctionContext Context(string function)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(item => item.Name).Returns(function);
        var context = new Mock<FunctionContext>();
        context.SetupGet(item => item.FunctionDefinition).Returns(definition.Object);
        return context.Object;
    }

    [Fact]
    public async Task EveryInvocationIsCountedByFunctionAndOutcomeAndAFailureStillThrows()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:00"));
        using var invocations = new MetricCapture(app.Metrics.Meter, "function.invocations");
        var outcomes = app.Function<FunctionOutcomes>();

        await outcomes.Invoke(Context("SlaScan"), _ => Task.CompletedTask);
        await outcomes.Invoke(Context("SlaScan"), _ => Task.CompletedTask);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            outcomes.Invoke(Context("InboundProcessor"), _ => throw new InvalidOperationException("table down"))
        );

        Assert.Equal("table down", thrown.Message);
        Assert.Equal(
            [("SlaScan", "succeeded", 1.0), ("SlaScan", "succeeded", 1.0), ("InboundProcessor", "failed", 1.0)],
            invocations.Recorded.Select(item => (item.Tags["function"], item.Tags["outcome"], item.Value))
        );
    }

    [Fact]
    public void TheWorkerRunsEveryInvocationThroughTheCounter()
    {
        var program = File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "SlaWatch.Functions", "Program.cs"));

        Assert.Contains("builder.UseMiddleware<FunctionOutcomes>();", program, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoredDaysMedianAndP90AreRecordedAsTheReportComputedThem()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:00"));
        var events = app.Function<TicketEvents>();
        var numbers = new List<string>();
        foreach (var id in new[] { "<p1@x>", "<p2@x>", "<p3@x>" })
        {
            var created = await app.Get<IngestionService>()
                .IngestAsync(Contacts.UrgentEmail(id, "2026-11-12 10:00"), "test");
            numbers.Add(created.Number!.ToString()!);
        }

        foreach (var (number, replied) in numbers.Zip(["10:10", "10:30", "11:40"]))
        {
            app.Time.SetUtcNow(Shipped.At($"2026-11-12 {replied}"));
            var reply = $$"""{"kind":"agentResponse","at":"2026-11-12T{{replied}}:00+08:00","actor":"客服A"}""";
            var answer = await app.AnswerAsync(
                await events.RunAsync(app.Request("POST", $"/api/tickets/{number}/events", reply), number, default)
            );
            Assert.Equal(202, answer.Status);
        }

        using var days = new MetricCapture(app.Metrics.Meter, "report.day_minutes");
        app.Time.SetUtcNow(Shipped.At("2026-11-13 00:05"));
        await app.Function<DailyReport>().RunAsync(new TimerInfo(), default);

        var stored = (await app.Get<IAggregateStore>().ReadDayAsync(new DateOnly(2026, 11, 12)))!;
        var recorded = days
            .Recorded.Where(item => item.Tags["day"] == "2026-11-12" && item.Tags["measure"] == "first_response")
            .ToDictionary(item => (item.Tags["dimension"], item.Tags["quantile"]), item => item.Value);
        Assert.Equal(
            [("all", "p50"), ("all", "p90"), ("channel:email", "p50"), ("channel:email", "p90")],
            recorded.Keys.Order()
        );
        foreach (var dimension in new[] { "all", "channel:email" })
        {
            var measure = stored.Figures[dimension].FirstResponse;
            Assert.Equal((measure.Median, measure.P90), (recorded[(dimension, "p50")], recorded[(dimension, "p90")]));
        }

        // Three replies after 10, 30 and 100 minutes: the median is the middle one's bucket, p90 the slowest's.
        Assert.InRange(recorded[("all", "p50")], 25, 35);
        Assert.InRange(recorded[("all", "p90")], 90, 110);
        // No resolution yet, so none is recorded; no dimension that names a person is recorded at all.
        Assert.DoesNotContain(days.Recorded, item => item.Tags["measure"] == "resolution");
        Assert.All(days.Recorded, item => Assert.DoesNotMatch("^(agent|team|executor):", item.Tags["dimension"]));
    }
}
