using System.Collections.Concurrent;
using System.Text;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SlaWatch.Functions.Settings;
using SlaWatch.Hosting.Telemetry;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// The Functions app composed by its own registration (<c>AddSlaWatchFunctions</c>) on a fresh set of tables in
/// Azurite, with its real queues and blobs, a controllable clock, and a mocked <see cref="ServiceBusSender"/> (Service
/// Bus cannot run here) that records what is sent. Functions are made as the worker makes them, by constructor
/// injection from these services.
/// </summary>
internal sealed class FunctionApp : IAsyncDisposable
{
    public const string ChatSecret = "chat-secret-for-tests";
    public const string PhoneSecret = "phone-secret-for-tests";
    public const string BusConnection =
        "Endpoint=sb://127.0.0.1/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=c2VjcmV0LWtleQ==";

    private readonly ServiceProvider _services;

    public FunctionApp(string storage, DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Prefix = "f" + Guid.NewGuid().ToString("N")[..10];
        Time = new FakeTimeProvider(now);
        Configuration = Settings(storage, Prefix, settings);
        Bus = new Mock<ServiceBusSender>();
        Bus.Setup(sender => sender.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Returns<ServiceBusMessage, CancellationToken>((message, _) => Send([message]));
        Bus.Setup(sender =>
                sender.SendMessagesAsync(It.IsAny<IEnumerable<ServiceBusMessage>>(), It.IsAny<CancellationToken>())
            )
            .Returns<IEnumerable<ServiceBusMessage>, CancellationToken>((messages, _) => Send([.. messages]));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Time);
        services.AddSlaWatchFunctions(Configuration, AppContext.BaseDirectory);
        services.AddSingleton(Bus.Object);
        _services = services.BuildServiceProvider();
    }

    public string Prefix { get; }

    public FakeTimeProvider Time { get; }

    public IConfiguration Configuration { get; }

    /// <summary>The topic's sender; <see cref="BusFails"/> makes every send throw as an unreachable namespace
    /// does.</summary>
    public Mock<ServiceBusSender> Bus { get; }

    public bool BusFails { get; set; }

    public ConcurrentQueue<ServiceBusMessage> Sent { get; } = new();

    public IServiceProvider Services => _services;

    public SlaMetrics Metrics => _services.GetRequiredService<SlaMetrics>();

    /// <summary>The settings a test host gives the app: Azurite for tables, queue and blobs; a Service Bus string never
    /// dialled.</summary>
    public static IConfiguration Settings(
        string storage,
        string prefix,
        IReadOnlyDictionary<string, string?>? overrides = null
    )
    {
        var values = new Dictionary<string, string?>
        {
            ["SlaWatch:Storage"] = storage,
            ["SlaWatch:TablePrefix"] = prefix,
            ["AzureWebJobsStorage"] = storage,
            ["ServiceBusConnection"] = BusConnection,
            ["Chat:Secret"] = ChatSecret,
            ["Phone:Secret"] = PhoneSecret,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The inbound queue (or its poison queue) as the trigger reads it, emptied first: tests share Azurite's
    /// account.</summary>
    public async Task<QueueClient> QueueAsync(string name, bool empty = false)
    {
        var queue = _services.GetRequiredService<QueueServiceClient>().GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        if (empty)
        {
            await queue.ClearMessagesAsync();
        }

        return queue;
    }

    /// <summary>The messages now visible on a queue, taken for processing (invisible for a minute, as the host takes
    /// them).</summary>
    public static async Task<QueueMessage[]> ReceiveAsync(QueueClient queue, int max = 32) =>
        (await queue.ReceiveMessagesAsync(max, TimeSpan.FromMinutes(1))).Value;

    /// <summary>A request as the ASP.NET Core integration hands it to a function.</summary>
    public HttpRequest Request(
        string method,
        string path,
        string? body = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? query = null
    )
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        var bytes = Encoding.UTF8.GetBytes(body ?? string.Empty);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    /// <summary>A call log posted to PhoneCalls with these headers, and what the sender was answered.</summary>
    public async Task<HttpAnswer> PostCallLogAsync(string log, IReadOnlyDictionary<string, string> headers) =>
        await AnswerAsync(
            await Function<Triggers.PhoneCalls>()
                .RunAsync(Request("POST", "/api/channels/phone", log, headers), default)
        );

    /// <summary>Runs a function's result as the ASP.NET Core integration does and reads what reached the
    /// caller.</summary>
    public async Task<HttpAnswer> AnswerAsync(IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var context = new DefaultHttpContext { RequestServices = _services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return new HttpAnswer(
            context.Response.StatusCode,
            context.Response.ContentType ?? string.Empty,
            Encoding.UTF8.GetString(body.ToArray())
        )
        {
            Bytes = body.ToArray(),
            Disposition = context.Response.Headers.ContentDisposition.ToString(),
        };
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private Task Send(IReadOnlyList<ServiceBusMessage> messages)
    {
        if (BusFails)
        {
            throw new ServiceBusException(
                "the namespace could not be reached",
                ServiceBusFailureReason.ServiceCommunicationProblem
            );
        }

        foreach (var message in messages)
        {
            Sent.Enqueue(message);
        }

        return Task.CompletedTask;
    }
}

/// <summary>An HTTP response as the caller sees it.</summary>
internal sealed record HttpAnswer(int Status, string ContentType, string Body)
{
    public byte[] Bytes { get; init; } = [];

    public string Disposition { get; init; } = string.Empty;

    public System.Text.Json.Nodes.JsonNode Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!;
}
