using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The nightly retention removes, in every channel, what was quarantined before the retention period and
/// nothing since.</summary>
[Collection(AzuriteTests.Name)]
public sealed class QuarantineRetentionTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Night = new(2026, 11, 30, 17, 45, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, "2026-09-01")]
    [InlineData("7", "2026-11-23")]
    public async Task InputKeptBeforeTheRetentionPeriodIsRemovedInEveryChannel(string? days, string firstKeptDay)
    {
        var settings = new Dictionary<string, string?> { ["Quarantine:RetentionDays"] = days };
        await using var app = new FunctionApp(azurite.ConnectionString, Night, settings);
        var firstKept = new DateTimeOffset(
            DateOnly.Parse(firstKeptDay, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.MinValue,
            TimeSpan.Zero
        );
        var quarantine = app.Get<IQuarantine>();
        var kept = new List<string>();
        foreach (var channel in new[] { "email", "chat", "events" })
        {
            await quarantine.PutAsync(new QuarantinedInput(channel, firstKept.AddSeconds(-1), "old", "r", "x"));
            kept.Add(await quarantine.PutAsync(new QuarantinedInput(channel, firstKept, "first kept", "r", "x")));
            kept.Add(await quarantine.PutAsync(new QuarantinedInput(channel, Night, "tonight", "r", "x")));
        }

        var removed = await app.Function<QuarantineRetention>().RunAsync(new TimerInfo(), default);

        Assert.Equal(3, removed);
        foreach (var channel in new[] { "email", "chat", "events" })
        {
            Assert.Empty(
                await quarantine.ListAsync(channel, DateOnly.FromDateTime(firstKept.AddSeconds(-1).UtcDateTime))
            );
        }

        foreach (var id in kept)
        {
            Assert.NotNull(await quarantine.GetAsync(id));
        }
    }
}
