using System.Text.Json;
using System.Text.Json.Nodes;
using SlaWatch.Functions.Catalog;
using SlaWatch.Functions.Hosting;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The function metadata the host reads, and the settings every part of the deployment must agree on.</summary>
public sealed class CatalogTests
{
    private static readonly string[] Timers = ["MailboxPoll", "SlaScan", "DailyReport"];

    private static JsonNode Trigger(string name) => FunctionCatalog.FunctionJson(FunctionCatalog.Named(name))["bindings"]![0]!;

    [Fact]
    public void HttpFunctionsHaveTheContractRoutesMethodsAndKeys()
    {
        var expected = new Dictionary<string, (string Route, string Method)>
        {
            ["ChatWebhook"] = ("channels/chat", "post"),
            ["PhoneCalls"] = ("channels/phone", "post"),
            ["TicketEvents"] = ("tickets/{id}/events", "post"),
            ["TicketGet"] = ("tickets/{idOrNumber}", "get"),
            ["Reports"] = ("reports/{kind}", "get"),
        };
        foreach (var (name, (route, method)) in expected)
        {
            var json = FunctionCatalog.FunctionJson(FunctionCatalog.Named(name));
            var trigger = json["bindings"]![0]!;
            Assert.Equal(("req", "httpTrigger", "in", "function", route), ((string)trigger["name"]!, (string)trigger["type"]!, (string)trigger["direction"]!, (string)trigger["authLevel"]!, (string)trigger["route"]!));
            Assert.Equal([method], trigger["methods"]!.AsArray().Select(item => (string)item!));
            var output = json["bindings"]![1]!;
            Assert.Equal(("res", "http", "out"), ((string)output["name"]!, (string)output["type"]!, (string)output["direction"]!));
        }
    }

    [Fact]
    public void TimersReadTheirSchedulesFromSettingsAndTheProcessorTheSessionQueue()
    {
        Assert.Equal("%MAILBOX_POLL_SCHEDULE%", (string)Trigger("MailboxPoll")["schedule"]!);
        Assert.Equal("%SLA_SCAN_SCHEDULE%", (string)Trigger("SlaScan")["schedule"]!);
        Assert.Equal("%DAILY_REPORT_SCHEDULE%", (string)Trigger("DailyReport")["schedule"]!);
        Assert.All(Timers, name => Assert.Equal(("timerTrigger", true, false), ((string)Trigger(name)["type"]!, (bool)Trigger(name)["useMonitor"]!, (bool)Trigger(name)["runOnStartup"]!)));

        var inbound = Trigger("InboundProcessor");
        Assert.Equal(("message", "serviceBusTrigger", "inbound", "ServiceBusConnection", true, "binary"),
            ((string)inbound["name"]!, (string)inbound["type"]!, (string)inbound["queueName"]!, (string)inbound["connection"]!, (bool)inbound["isSessionsEnabled"]!, (string)inbound["dataType"]!));
        Assert.Single(FunctionCatalog.FunctionJson(FunctionCatalog.Named("InboundProcessor"))["bindings"]!.AsArray());
    }

    [Fact]
    public void EveryDeclaredFunctionHasABodyAndEveryBodyADeclaration()
    {
        Assert.Equal(FunctionCatalog.All.Select(function => function.Name).Order(), FunctionsApp.Handlers.Keys.Order());
        Assert.Equal(9, FunctionCatalog.All.Count);
    }

    [Fact]
    public void TheSampleSettingsFileHoldsEverySettingTheAppAndItsTriggersRead()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "local.settings.sample.json")))!["Values"]!.AsObject();

        Assert.Equal(AppSettings.All.Select(setting => setting.Name).Order(), sample.Select(pair => pair.Key).Order());
        var read = FunctionCatalog.All.SelectMany(function => new[] { function.ScheduleSetting, function.Connection }).OfType<string>().Distinct();
        Assert.All(read, name => Assert.True(sample.ContainsKey(name), name));
        Assert.Equal("UseDevelopmentStorage=true", (string)sample[AppSettings.Storage]!);
    }

    [Fact]
    public async Task PublishWritesADeployableFunctionAppFolder()
    {
        var output = await PublishedHandlerTests.PublishedFolder();

        foreach (var function in FunctionCatalog.All)
        {
            var written = JsonNode.Parse(File.ReadAllText(Path.Combine(output, function.Name, "function.json")))!;
            Assert.Equal(FunctionCatalog.FunctionJson(function).ToJsonString(), written.ToJsonString());
        }

        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "host.json")))!;
        Assert.Equal("SlaWatch.Functions", (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!);
        Assert.Equal("[4.*, 5.0.0)", (string)host["extensionBundle"]!["version"]!);
        Assert.Equal("api", (string)host["extensions"]!["http"]!["routePrefix"]!);
        Assert.True(File.Exists(Path.Combine(output, "SlaWatch.Functions")), "the executable the host starts");
        Assert.True(File.Exists(Path.Combine(output, "config", "sla-policy.json")));
        Assert.True(File.Exists(Path.Combine(output, "config", "calendars", "cn-public-holidays-2026.json")));
        Assert.True(File.Exists(Path.Combine(output, "echarts.min.js")));
    }
}
