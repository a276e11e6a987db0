using System.Text.Json;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using SlaWatch.Functions.Catalog;
using SlaWatch.Functions.Functions;
using SlaWatch.Functions.Messaging;
using SlaWatch.Functions.Telemetry;

namespace SlaWatch.Functions.Hosting;

/// <summary>
/// The custom handler: the Functions host posts each invocation to <c>/{FunctionName}</c> on the port it gives in
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>; each function is a thin shell over the tested services.
/// </summary>
public static class FunctionsApp
{
    public delegate Task<InvocationResult> Handler(HostInvocation invocation, AppServices app, CancellationToken cancellationToken);

    /// <summary>Every function's body, by the catalog's name.</summary>
    public static IReadOnlyDictionary<string, Handler> Handlers { get; } = new Dictionary<string, Handler>(StringComparer.Ordinal)
    {
        ["ChatWebhook"] = ChatWebhook.RunAsync,
        ["PhoneCalls"] = PhoneCalls.RunAsync,
        ["InboundProcessor"] = InboundProcessor.RunAsync,
        ["MailboxPoll"] = MailboxPoll.RunAsync,
        ["TicketEvents"] = TicketEvents.RunAsync,
        ["TicketGet"] = TicketGet.RunAsync,
        ["SlaScan"] = SlaScan.RunAsync,
        ["DailyReport"] = DailyReport.RunAsync,
        ["Reports"] = Reports.RunAsync,
    };

    private static readonly JsonSerializerOptions HostJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebApplication Build(string[] args)
    {
        Core.Text.LegacyCharsets.Register();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 } port)
        {
            // The host calls 127.0.0.1 on the port it chose.
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(services => SlaWatchSettings.From(services.GetRequiredService<IConfiguration>(), AppContext.BaseDirectory));
        builder.Services.AddSingleton<SlaMetrics>();
        builder.Services.AddSingleton<IMessageSender>(services => new ServiceBusRestSender(
            services.GetRequiredService<SlaWatchSettings>().ServiceBus, services.GetRequiredService<IHttpClientFactory>().CreateClient("servicebus"), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<AppServices>();
        if (builder.Configuration[AppSettings.ApplicationInsights] is { Length: > 0 } insights)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(SlaMetrics.MeterName).AddAzureMonitorMetricExporter(options => options.ConnectionString = insights));
        }

        var app = builder.Build();
        // Fail at start, naming every missing setting, rather than at the first invocation.
        _ = app.Services.GetRequiredService<AppServices>();
        app.MapGet("/", () => Results.Text("SlaWatch custom handler"));
        foreach (var function in FunctionCatalog.All)
        {
            var handler = Handlers[function.Name];
            // The result's Logs are written by the host into the function's own log (Application Insights traces).
            app.MapPost("/" + function.Name, async (HttpContext context, AppServices services) =>
            {
                var invocation = await HostInvocation.ReadAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
                return Results.Json(await handler(invocation, services, context.RequestAborted).ConfigureAwait(false), HostJson);
            });
        }

        return app;
    }
}
