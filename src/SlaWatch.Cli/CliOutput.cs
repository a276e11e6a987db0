using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SlaWatch.Cli;

/// <summary>Where a command writes, and how instants and JSON look on the way out.</summary>
public sealed class CliOutput(TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>A warning about the answer (not a failure), on the error stream where scripts do not read it.</summary>
    public void Warn(string text) => Error.WriteLine($"slawatch: warning: {text}");

    /// <summary>ISO 8601 with the zone's offset, to the second (<c>2026-02-14T17:30:00+08:00</c>).</summary>
    public static string Instant(DateTimeOffset instant, TimeZoneInfo zone) =>
        Core.Time.InstantText.Format(instant, zone);

    public static string? Instant(DateTimeOffset? instant, TimeZoneInfo zone) =>
        Core.Time.InstantText.Format(instant, zone);
}
