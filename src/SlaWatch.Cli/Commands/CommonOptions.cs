using System.CommandLine;

namespace SlaWatch.Cli.Commands;

internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document instead of text." };

    /// <summary><c>--lang en|zh-CN</c>: the language of what a command prints for people (English by
    /// default).</summary>
    public static Option<string> Lang(string description = "en or zh-CN labels.", string fallback = "en")
    {
        var lang = new Option<string>("--lang") { Description = description, DefaultValueFactory = _ => fallback };
        lang.AcceptOnlyFromAmong("en", "zh-CN");
        return lang;
    }

    /// <summary>Whether <c>--lang</c> asked for Chinese.</summary>
    public static bool Chinese(ParseResult result, Option<string> lang) => result.GetValue(lang) == "zh-CN";

    public static Option<string> Text(string name, string description, bool required = true) =>
        new(name) { Description = description, Required = required };

    /// <summary><c>--now</c>: the instant a command records or reads as of, instead of the system clock.</summary>
    public static Option<string> Now(
        string description =
            "Record as of this ISO 8601 instant instead of the system clock (re-running input as it was; tests)."
    ) => Text("--now", description, required: false);

    /// <summary>The clock a command runs on: stopped at <c>--now</c> when given, else the system's.</summary>
    public static TimeProvider Clock(ParseResult result, Option<string> now) =>
        result.GetValue(now) is { } text
            ? new FixedTimeProvider(InputParsing.Instant("--now", text, TimeZoneInfo.Utc))
            : TimeProvider.System;
}
