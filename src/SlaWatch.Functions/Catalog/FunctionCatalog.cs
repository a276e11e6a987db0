using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlaWatch.Functions.Catalog;

/// <summary>Every function of the app, declared once; <c>function.json</c> files and the handler's routes come from here.</summary>
public static class FunctionCatalog
{
    public const string ServiceBusConnection = "ServiceBusConnection";
    public const string InboundQueue = "inbound";
    public const string SlaEventsTopic = "sla-events";
    public const string MailboxPollSchedule = "MAILBOX_POLL_SCHEDULE";
    public const string SlaScanSchedule = "SLA_SCAN_SCHEDULE";
    public const string DailyReportSchedule = "DAILY_REPORT_SCHEDULE";

    public static IReadOnlyList<FunctionDeclaration> All { get; } =
    [
        new("ChatWebhook", TriggerKind.Http, "verifies the signature, answers 202 fast, hands the event to the inbound queue") { Route = "channels/chat", Methods = ["post"] },
        new("PhoneCalls", TriggerKind.Http, "validates call-log rows (CSV or JSON lines), enqueues them, answers with accepted and rejected counts") { Route = "channels/phone", Methods = ["post"] },
        new("InboundProcessor", TriggerKind.ServiceBus, "ingests chat events and calls; poison messages are quarantined with the reason")
        {
            QueueName = InboundQueue, Sessions = true, Connection = ServiceBusConnection,
        },
        new("MailboxPoll", TriggerKind.Timer, "one IMAP poll cycle with acknowledgements") { ScheduleSetting = MailboxPollSchedule },
        new("TicketEvents", TriggerKind.Http, "agent tools record responses, status changes and ratings") { Route = "tickets/{id}/events", Methods = ["post"] },
        new("TicketGet", TriggerKind.Http, "the ticket, its events and its clocks") { Route = "tickets/{idOrNumber}", Methods = ["get"] },
        new("SlaScan", TriggerKind.Timer, "the breach scanner; announcements to the sla-events topic and the webhook notifier") { ScheduleSetting = SlaScanSchedule },
        new("DailyReport", TriggerKind.Timer, "daily aggregates (catching up missed days), the anomaly check and the report e-mail") { ScheduleSetting = DailyReportSchedule },
        new("Reports", TriggerKind.Http, "the daily or weekly report as JSON, CSV or HTML") { Route = "reports/{kind}", Methods = ["get"] },
    ];

    public static FunctionDeclaration Named(string name) =>
        All.FirstOrDefault(function => function.Name == name) ?? throw new KeyNotFoundException($"No function {name}.");

    /// <summary>The function.json the host reads from the function's folder.</summary>
    public static JsonObject FunctionJson(FunctionDeclaration function)
    {
        ArgumentNullException.ThrowIfNull(function);
        JsonObject trigger = function.Trigger switch
        {
            TriggerKind.Http => new JsonObject
            {
                ["name"] = function.BindingName,
                ["type"] = "httpTrigger",
                ["direction"] = "in",
                ["authLevel"] = function.AuthLevel,
                ["methods"] = new JsonArray(function.Methods.Select(method => (JsonNode)method).ToArray()),
                ["route"] = function.Route,
            },
            TriggerKind.Timer => new JsonObject
            {
                ["name"] = function.BindingName,
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["schedule"] = $"%{function.ScheduleSetting}%",
                ["useMonitor"] = true,
                ["runOnStartup"] = false,
            },
            _ => new JsonObject
            {
                ["name"] = function.BindingName,
                ["type"] = "serviceBusTrigger",
                ["direction"] = "in",
                ["queueName"] = function.QueueName,
                ["connection"] = function.Connection,
                ["isSessionsEnabled"] = function.Sessions,
                // Binary: the body arrives as base64, neither double-encoded nor spread over the metadata.
                ["dataType"] = "binary",
            },
        };
        var bindings = new JsonArray(trigger);
        if (function.Trigger == TriggerKind.Http)
        {
            bindings.Add(new JsonObject { ["name"] = "res", ["type"] = "http", ["direction"] = "out" });
        }

        return new JsonObject { ["bindings"] = bindings };
    }

    public static void WriteFunctionJson(string directory)
    {
        foreach (var function in All)
        {
            var folder = Directory.CreateDirectory(Path.Combine(directory, function.Name));
            File.WriteAllText(Path.Combine(folder.FullName, "function.json"), FunctionJson(function).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }
}
