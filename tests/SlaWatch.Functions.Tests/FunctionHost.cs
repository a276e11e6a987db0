using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlaWatch.Functions.Hosting;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// The handler in-process on a fresh set of tables, invoked as the Functions host invokes it: a POST to
/// <c>/{FunctionName}</c> with the host's payload, answered with <c>{Outputs, Logs, ReturnValue}</c>.
/// </summary>
internal sealed class FunctionHost : IAsyncDisposable
{
    public const string ChatSecret = "chat-secret-for-tests";

    private readonly WebApplicationFactory<Program> _factory;

    public FunctionHost(string storage, DateTimeOffset now, IReadOnlyDictionary<string, string>? settings = null)
    {
        Prefix = "f" + Guid.NewGuid().ToString("N")[..10];
        Time = new FakeTimeProvider(now);
        var all = new Dictionary<string, string>
        {
            ["SlaWatch:Storage"] = storage,
            ["SlaWatch:TablePrefix"] = Prefix,
            ["ServiceBusConnection"] = Bus.ConnectionString,
            ["Chat:Secret"] = ChatSecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        _factory = Factory(all, Time);
        Client = _factory.CreateClient();
    }

    public string Prefix { get; }

    public FakeTimeProvider Time { get; }

    public ServiceBusCapture Bus { get; } = new();

    public HttpClient Client { get; }

    public AppServices App => _factory.Services.GetRequiredService<AppServices>();

    public static WebApplicationFactory<Program> Factory(IReadOnlyDictionary<string, string> settings, TimeProvider? time = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (time is not null)
            {
                builder.ConfigureServices(services => services.AddSingleton(time));
            }
        });

    /// <summary>Posts the host's payload and returns the handler's answer (asserting it is the JSON object the host needs).</summary>
    public async Task<JsonObject> InvokeAsync(string function, JsonObject data, JsonObject? metadata = null)
    {
        metadata ??= [];
        metadata["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = Time.GetUtcNow().ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() };
        var payload = new JsonObject { ["Data"] = data, ["Metadata"] = metadata };
        using var response = await Client.PostAsync("/" + function, new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(answer.ContainsKey("Outputs") && answer.ContainsKey("Logs"), answer.ToJsonString());
        return answer;
    }

    /// <summary>An HTTP trigger's payload as the host builds it: headers as arrays, the body as text.</summary>
    public static JsonObject HttpRequest(string method, string path, string? body = null, IReadOnlyDictionary<string, string>? headers = null, IReadOnlyDictionary<string, string>? parameters = null, IReadOnlyDictionary<string, string>? query = null)
    {
        var headerObject = new JsonObject();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            headerObject[name] = new JsonArray(value);
        }

        if (body is not null)
        {
            headerObject["Content-Length"] = new JsonArray(Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var request = new JsonObject
        {
            ["Url"] = "https://slawatch.azurewebsites.net" + path,
            ["Method"] = method,
            ["Query"] = JsonSerializer.SerializeToNode(query ?? new Dictionary<string, string>()),
            ["Headers"] = headerObject,
            ["Params"] = JsonSerializer.SerializeToNode(parameters ?? new Dictionary<string, string>()),
            ["Identities"] = new JsonArray(),
        };
        if (body is not null)
        {
            request["Body"] = body;
        }

        return new JsonObject { ["req"] = request };
    }

    /// <summary>A timer trigger's payload.</summary>
    public static JsonObject Timer(bool pastDue) => new()
    {
        ["timer"] = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = new JsonObject { ["Last"] = "2026-11-16T01:00:00+00:00", ["Next"] = "2026-11-16T01:01:00+00:00", ["LastUpdated"] = "2026-11-16T01:00:00+00:00" },
            ["IsPastDue"] = pastDue,
        },
    };

    /// <summary>The response the function put in <c>Outputs.res</c>: status and parsed body.</summary>
    public static (int Status, string Body, string ContentType) Response(JsonObject answer)
    {
        var res = answer["Outputs"]!["res"]!;
        return ((int)res["statusCode"]!, (string)res["body"]!, (string)res["headers"]!["Content-Type"]!);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        Bus.Dispose();
    }
}
