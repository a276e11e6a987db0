using SlaWatch.Core.Calendars;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;

namespace SlaWatch.TestSupport;

/// <summary>The shipped policy and rules, and Shanghai wall-clock times as instants: what most tests are written
/// in.</summary>
internal static class Shipped
{
    public static SlaPolicy Policy { get; } = SlaPolicyLoader.Load(RepoRoot.Config("sla-policy.json"));

    public static ClassificationRules Rules { get; } =
        ClassificationLoader.Load(RepoRoot.Config("classification.json"));

    /// <summary>"2026-11-16 09:30" in the policy's zone (Asia/Shanghai).</summary>
    public static DateTimeOffset At(string wall) =>
        new(
            ZoneMapping.ToUtc(
                Policy.TimeZone,
                DateTime.Parse(wall, System.Globalization.CultureInfo.InvariantCulture),
                preferLater: false
            )
        );
}
