namespace SlaWatch.Core.Tests.Policies;

/// <summary>Small policies written inline, with inline calendars, for rule and error tests.</summary>
internal static class PolicyJson
{
    public const string Calendars = """
        "calendars": {
          "24x7": {"timeZone":"Asia/Shanghai","week":{"mon":[["00:00","24:00"]],"tue":[["00:00","24:00"]],
            "wed":[["00:00","24:00"]],"thu":[["00:00","24:00"]],"fri":[["00:00","24:00"]],"sat":[["00:00","24:00"]],
            "sun":[["00:00","24:00"]]}},
          "office": {"timeZone":"Asia/Shanghai","week":{"mon":[["09:00","12:00"],["13:00","18:00"]],"tue":[["09:00",
            "12:00"],["13:00","18:00"]],"wed":[["09:00","12:00"],["13:00","18:00"]],"thu":[["09:00","12:00"],["13:00",
            "18:00"]],"fri":[["09:00","12:00"],["13:00","18:00"]]}}
        }
        """;

    public static string WithRules(string rules, string extra = "") =>
        $$"""
            {
              "version": "test-1",
              "timeZone": "Asia/Shanghai",
              {{Calendars}},
              "defaults": { "calendar": "24x7" },
              {{extra}}
              "rules": {{rules}}
            }
            """;
}
