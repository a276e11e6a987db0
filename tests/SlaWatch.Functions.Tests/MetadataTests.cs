using System.Diagnostics;
using System.Text.Json.Nodes;
using SlaWatch.Functions.Settings;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// What the Functions host reads from the build (<c>functions.metadata</c>, <c>extensions.json</c>, <c>host.json</c>),
/// checked against the contract the deployment and the channels depend on: routes, methods, keys, schedules, queues.
/// </summary>
public sealed class MetadataTests
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The configuration these tests were built in (…/bin/Release/net10.0/).</summary>
    private static string Configuration { get; } =
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!);

    /// <summary>The Functions project's build output in that configuration.</summary>
    private static string BuildOutput { get; } =
        Path.Combine(RepoRoot.Path, "src", "SlaWatch.Functions", "bin", Configuration, "net10.0");

    private static JsonArray Metadata(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "functions.metadata")))!.AsArray();

    private static JsonNode Trigger(string name) =>
        Metadata(BuildOutput).Single(function => (string)function!["name"]! == name)!["bindings"]!
            .AsArray()
            .Single(binding => ((string)binding!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!;

    private static async Task<string> PublishAsync()
    {
        var output = TestFolders.Create("slawatch-publish-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (
            var argument in new[]
            {
                "publish",
                Path.Combine(RepoRoot.Path, "src", "SlaWatch.Functions", "SlaWatch.Functions.csproj"),
                "-c",
                Configuration,
                "--no-build",
                "-o",
                output,
                "-nologo",
                "-v",
                "q",
            }
        )
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var log = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, log);
        return output;
    }

    [Fact]
    public void EveryFunctionIsInTheMetadataWithItsTrigger()
    {
        var functions = Metadata(BuildOutput);

        Assert.Equal(
            [
                "BacklogGet",
                "BoardData",
                "BoardPage",
                "ChatWebhook",
                "DailyReport",
                "DutySummary",
                "ExportTickets",
                "InboundPoison",
                "InboundProcessor",
                "MailboxPoll",
                "NightlyBackup",
                "PhoneCalls",
                "QuarantineRetention",
                "Reports",
                "SlaScan",
                "Staffing",
                "TicketEvents",
                "TicketGet",
                "WeChatCheck",
                "WeChatMessage",
                "WeComCallback",
                "WeComCheck",
                "WhatIf",
                "WorkbenchAction",
                "WorkbenchAudit",
                "WorkbenchCoaching",
                "WorkbenchDrill",
                "WorkbenchMe",
                "WorkbenchPage",
                "WorkbenchQueue",
                "WorkbenchTicket",
            ],
            functions.Select(function => (string)function!["name"]!).Order(StringComparer.Ordinal)
        );
        Assert.All(functions, function =>
            Assert.Equal(
                ("dotnet-isolated", "SlaWatch.Functions.dll"),
                ((string)function!["language"]!, (string)function["scriptFile"]!)
            )
        );
    }

    [Fact]
    public void HttpFunctionsHaveTheContractRoutesMethodsAndFunctionKeys()
    {
        var expected = new Dictionary<string, (string Route, string Method)>
        {
            ["ChatWebhook"] = ("channels/chat", "post"),
            ["PhoneCalls"] = ("channels/phone", "post"),
            ["TicketEvents"] = ("tickets/{id}/events", "post"),
            ["TicketGet"] = ("tickets/{idOrNumber}", "get"),
            ["Reports"] = ("reports/{kind}", "get"),
            ["Staffing"] = ("staffing", "get,post"),
            ["ExportTickets"] = ("export/tickets", "get"),
            ["WhatIf"] = ("whatif", "post"),
            ["BacklogGet"] = ("backlog", "get"),
            ["BoardPage"] = ("board", "get"),
            ["BoardData"] = ("board/data", "get"),
        };
        foreach (var (name, (route, method)) in expected)
        {
            var trigger = Trigger(name);
            Assert.Equal(
                ("httpTrigger", "Function", route),
                ((string)trigger["type"]!, (string)trigger["authLevel"]!, (string)trigger["route"]!)
            );
            Assert.Equal(method, string.Join(',', trigger["methods"]!.AsArray().Select(item => (string)item!)));
        }
    }

    [Fact]
    public void TheWorkbenchIsGuardedByThePlatformsSignInNotAFunctionKey()
    {
        var expected = new Dictionary<string, (string Route, string Method)>
        {
            ["WorkbenchPage"] = ("workbench", "get"),
            ["WorkbenchMe"] = ("workbench/me", "get"),
            ["WorkbenchQueue"] = ("workbench/queue", "get"),
            ["WorkbenchDrill"] = ("workbench/drill", "get"),
            ["WorkbenchCoaching"] = ("workbench/coaching", "get"),
            ["WorkbenchTicket"] = ("workbench/tickets/{id}", "get"),
            ["WorkbenchAudit"] = ("workbench/tickets/{id}/audit", "get"),
            ["WorkbenchAction"] = ("workbench/tickets/{id}/{action}", "post"),
        };
        foreach (var (name, (route, method)) in expected)
        {
            var trigger = Trigger(name);
            Assert.Equal(
                ("httpTrigger", "Anonymous", route, method),
                (
                    (string)trigger["type"]!,
                    (string)trigger["authLevel"]!,
                    (string)trigger["route"]!,
                    Assert.Single(trigger["methods"]!.AsArray().Select(item => (string)item!))
                )
            );
        }
    }

    [Fact]
    public void TimersReadTheirSchedulesFromSettingsAndTheQueueTriggersTheInboundQueues()
    {
        Assert.Equal("%MAILBOX_POLL_SCHEDULE%", (string)Trigger("MailboxPoll")["schedule"]!);
        Assert.Equal("%SLA_SCAN_SCHEDULE%", (string)Trigger("SlaScan")["schedule"]!);
        Assert.Equal("%DAILY_REPORT_SCHEDULE%", (string)Trigger("DailyReport")["schedule"]!);
        Assert.Equal("%BACKUP_SCHEDULE%", (string)Trigger("NightlyBackup")["schedule"]!);
        Assert.Equal("0 */5 * * * *", (string)Trigger("DutySummary")["schedule"]!);
        Assert.Equal("%QUARANTINE_RETENTION_SCHEDULE%", (string)Trigger("QuarantineRetention")["schedule"]!);
        Assert.Equal(
            ("queueTrigger", "inbound", "AzureWebJobsStorage"),
            (
                (string)Trigger("InboundProcessor")["type"]!,
                (string)Trigger("InboundProcessor")["queueName"]!,
                (string)Trigger("InboundProcessor")["connection"]!
            )
        );
        Assert.Equal(
            ("queueTrigger", "inbound-poison", "AzureWebJobsStorage"),
            (
                (string)Trigger("InboundPoison")["type"]!,
                (string)Trigger("InboundPoison")["queueName"]!,
                (string)Trigger("InboundPoison")["connection"]!
            )
        );
    }

    [Fact]
    public void TheHostLoadsTheQueueExtensionAndNoBundleOrCustomHandler()
    {
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(BuildOutput, "extensions.json")))![
            "extensions"
        ]!.AsArray();
        Assert.Contains(extensions, extension => (string)extension!["name"]! == "AzureStorageQueues");

        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")))!.AsObject();
        Assert.False(host.ContainsKey("customHandler"));
        Assert.False(host.ContainsKey("extensionBundle"));
        var queues = host["extensions"]!["queues"]!;
        Assert.Equal(
            (5, "00:00:10", "base64", 16),
            (
                (int)queues["maxDequeueCount"]!,
                (string)queues["visibilityTimeout"]!,
                (string)queues["messageEncoding"]!,
                (int)queues["batchSize"]!
            )
        );
        Assert.Equal("api", (string)host["extensions"]!["http"]!["routePrefix"]!);
        Assert.Equal("OpenTelemetry", (string)host["telemetryMode"]!);
    }

    [Fact]
    public void TheSampleSettingsHoldEverySettingTheAppAndItsTriggersRead()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "local.settings.sample.json")))![
            "Values"
        ]!.AsObject();

        Assert.Equal(
            AppSettings.All.Select(setting => setting.Name).Order(StringComparer.Ordinal),
            sample.Select(pair => pair.Key).Order(StringComparer.Ordinal)
        );
        Assert.All(AppSettings.All, setting => Assert.Equal(setting.Default, (string)sample[setting.Name]!));
        Assert.Equal("dotnet-isolated", (string)sample["FUNCTIONS_WORKER_RUNTIME"]!);
        var read = Metadata(BuildOutput)
            .SelectMany(function => function!["bindings"]!.AsArray())
            .SelectMany(binding => new[] { (string?)binding!["schedule"], (string?)binding["connection"] })
            .OfType<string>()
            // A schedule written in the code (DutySummary's five minutes) is no setting.
            .Where(name => name.StartsWith('%') || !name.Contains(' ', StringComparison.Ordinal))
            .Select(name => name.Trim('%'))
            .Distinct();
        Assert.All(read, name => Assert.True(sample.ContainsKey(name), name));
    }

    [Fact]
    public async Task PublishWritesADeployableFunctionAppFolder()
    {
        var output = await Published.Value;

        foreach (
            var file in new[]
            {
                "functions.metadata",
                "worker.config.json",
                "extensions.json",
                "host.json",
                "SlaWatch.Functions.dll",
                "echarts.min.js",
            }
        )
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        Assert.Equal(Metadata(BuildOutput).ToJsonString(), Metadata(output).ToJsonString());
        Assert.True(
            File.Exists(
                Path.Combine(output, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll")
            )
        );
        Assert.True(File.Exists(Path.Combine(output, "config", "sla-policy.json")));
        Assert.True(File.Exists(Path.Combine(output, "config", "calendars", "cn-public-holidays-2026.json")));
        Assert.False(File.Exists(Path.Combine(output, "local.settings.sample.json")));
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "worker.config.json")))!;
        Assert.Equal("SlaWatch.Functions.dll", (string)worker["description"]!["defaultWorkerPath"]!);
    }
}
