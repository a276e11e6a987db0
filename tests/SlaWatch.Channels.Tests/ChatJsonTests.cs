using System.Text.Json;
using SlaWatch.Channels.Chat;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// How webhook JSON is read whatever the sender's habits: ids as numbers or strings, instants as ISO text or Unix
/// seconds, nulls and empty strings as absent, and instants outside the years a record may carry refused by path.
/// </summary>
public class ChatJsonTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Theory]
    [InlineData("""{"a":{"b":"x"}}""", "x")]
    [InlineData("""{"a":{"b":42}}""", "42")]
    [InlineData("""{"a":{"b":4.50}}""", "4.50")]
    [InlineData("""{"a":{"b":true}}""", "true")]
    [InlineData("""{"a":{"b":false}}""", "false")]
    [InlineData("""{"a":{"b":""}}""", null)]
    [InlineData("""{"a":{"b":null}}""", null)]
    [InlineData("""{"a":{"b":[1]}}""", null)]
    [InlineData("""{"a":{"b":{"c":1}}}""", null)]
    [InlineData("""{"a":null}""", null)]
    [InlineData("""{"a":"b"}""", null)]
    [InlineData("""{"b":"x"}""", null)]
    public void TextIsAStringANumberOrABooleanAlongThePath(string json, string? text) =>
        Assert.Equal(text, Json(json).Text("a", "b"));

    [Fact]
    public void ARequiredValueThatIsMissingIsRefusedByItsPathAndWhatItIs()
    {
        var error = Assert.Throws<ChatFormatException>(() => Json("""{"a":{}}""").Required("the sender", "a", "b"));

        Assert.Equal("a.b: missing (the sender)", error.Message);
        Assert.Equal("7", Json("""{"a":{"b":7}}""").Required("the sender", "a", "b"));
    }

    [Theory]
    [InlineData("""{"at":1763256600}""", "2025-11-16T01:30:00+00:00")]
    [InlineData("""{"at":1763256600.5}""", "2025-11-16T01:30:00.5+00:00")]
    [InlineData("""{"at":"2026-11-16T09:30:00+08:00"}""", "2026-11-16T01:30:00+00:00")]
    [InlineData("""{"at":"2026-11-16T01:30:00Z"}""", "2026-11-16T01:30:00+00:00")]
    [InlineData("""{"at":"2026-11-16 01:30:00"}""", "2026-11-16T01:30:00+00:00")]
    [InlineData("""{"at":"2100-01-01T00:00:00+08:00"}""", "2099-12-31T16:00:00+00:00")]
    public void AnInstantIsUnixSecondsOrIsoTextWithoutAnOffsetReadAsUtc(string json, string instant) =>
        Assert.Equal(
            DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture),
            Json(json).Instant("at")
        );

    [Theory]
    [InlineData("""{"at":0}""")]
    [InlineData("""{"at":-5}""")]
    [InlineData("""{"at":253402300800}""")]
    [InlineData("""{"at":"yesterday"}""")]
    [InlineData("""{"at":true}""")]
    [InlineData("""{"at":null}""")]
    [InlineData("""{}""")]
    public void WhatIsNoInstantIsAbsent(string json) => Assert.Null(Json(json).Instant("at"));

    [Theory]
    [InlineData("""{"m":{"at":946684799}}""", "m.at: ")]
    [InlineData("""{"m":{"at":"1999-12-31T23:59:59Z"}}""", "m.at: ")]
    [InlineData("""{"m":{"at":"2100-01-01T00:00:00Z"}}""", "m.at: ")]
    [InlineData("""{"m":{"at":"9999-12-31 23:59:59"}}""", "m.at: ")]
    public void AnInstantOutsideTheYearsARecordMayCarryIsRefusedByItsPath(string json, string start)
    {
        var error = Assert.Throws<ChatFormatException>(() => Json(json).Instant("m", "at"));

        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
    }
}
