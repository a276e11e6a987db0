using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaWatch.Functions.Hosting;

/// <summary>
/// What the handler answers the host: always a JSON object (an empty body would hang the invocation), the HTTP
/// response in <c>Outputs.res</c>, log lines the host writes to Application Insights.
/// </summary>
public sealed record InvocationResult
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Dictionary<string, object?> Outputs { get; init; } = [];

    public List<string> Logs { get; init; } = [];

    public object? ReturnValue { get; init; }

    public static InvocationResult Done(params string[] logs) => new() { Logs = [.. logs] };

    /// <summary>An HTTP response with a JSON body.</summary>
    public static InvocationResult Http(int status, object body, params string[] logs) =>
        Http(status, JsonSerializer.Serialize(body, Json), "application/json; charset=utf-8", logs);

    public static InvocationResult Http(int status, string body, string contentType, params string[] logs) => new()
    {
        Outputs = { ["res"] = new Dictionary<string, object> { ["statusCode"] = status, ["headers"] = new Dictionary<string, string> { ["Content-Type"] = contentType }, ["body"] = body } },
        Logs = [.. logs],
    };

    /// <summary>A refusal: status and a reason a caller can act on.</summary>
    public static InvocationResult Refused(int status, string reason, string? quarantineId = null) =>
        Http(status, new { error = reason, quarantineId }, $"refused {status}: {reason}");
}
