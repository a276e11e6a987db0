using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using SlaWatch.Core.Alerts;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Hosting.Settings;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The alert routes as the app reads them from its settings, and the people on duty last in its
/// fan-out.</summary>
[Collection(AzuriteTests.Name)]
public sealed class AlertSettingsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RoutesAreReadByNameWithEmailWhenSmtpIsSet()
    {
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            Now,
            new Dictionary<string, string?>
            {
                ["Alerts:Routes:none:Kind"] = "",
                ["Alerts:Routes:none:Url"] = "",
                ["Alerts:Routes:ops-wecom:Kind"] = "wecom",
                ["Alerts:Routes:ops-wecom:Url"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                ["Alerts:Routes:ding:Kind"] = "DingTalk",
                ["Alerts:Routes:ding:Url"] = "https://oapi.dingtalk.com/robot/send?access_token=t",
                ["Alerts:Routes:ding:Secret"] = "SECabc",
                ["Alerts:Routes:ding:PerMinute"] = "10",
                ["Alerts:WorkbenchUrl"] = "https://slawatch.example.cn/",
                ["Mail:SmtpHost"] = "smtp.example.cn",
                ["Mail:SupportAddress"] = "support@example.cn",
            }
        );

        Assert.Equal(["ding", "ops-wecom", "email"], app.Get<AlertDelivery>().Routes);
        var settings = app.Get<IOptions<AlertSettings>>().Value;
        var ding = Assert.Single(settings.Robots, route => route.Name == "ding");
        Assert.Equal((10, "SECabc"), (ding.PerMinute, ding.Secret));
        Assert.Equal(20, Assert.Single(settings.Robots, route => route.Name == "ops-wecom").PerMinute);
        Assert.Equal(new Uri("https://slawatch.example.cn/"), app.Get<AlertOptions>().Workbench);
    }

    [Fact]
    public async Task TheDutyNotifierIsTheFanOutsLast()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now, new Dictionary<string, string?>());

        // The scanner's notifier reaches the people on duty: no routes here, so no one, and nothing is thrown.
        var notifier = app.Get<INotifier>();
        await notifier.NotifyAsync(new Notification("supervisor", [], IsDigest: false));
        Assert.Empty(app.Get<AlertDelivery>().Routes);
        Assert.Equal(AlertOptions.Local, app.Get<AlertOptions>());
    }

    [Theory]
    [InlineData("Kind", "sms", "Alerts__Routes__ops__Kind is 'sms'")]
    [InlineData("Url", "not a url", "Alerts__Routes__ops__Url is 'not a url', not an absolute http(s) URL")]
    [InlineData("PerMinute", "0", "Alerts__Routes__ops__PerMinute is '0'")]
    public async Task AWrongRouteSettingStopsTheAppNamingIt(string setting, string value, string problem)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Routes:ops:Kind"] = "wecom",
            ["Alerts:Routes:ops:Url"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
        };
        settings[$"Alerts:Routes:ops:{setting}"] = value;
        await using var app = new FunctionApp(azurite.ConnectionString, Now, settings);

        var error = Assert.Throws<OptionsValidationException>(() => app.Get<IOptions<AlertSettings>>().Value);

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlertThatReachedNoOneIsCountedWithoutTheOwnersName()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now, new Dictionary<string, string?>());
        var counted = new List<(long Value, string Kind, string Role)>();
        // Made before the listener: its callback must not create the meter's instruments while it publishes them.
        var meter = app.Metrics.Meter;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, self) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "alerts.undelivered")
                {
                    self.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (_, value, tags, _) =>
            {
                var all = tags.ToArray();
                counted.Add(
                    (
                        value,
                        (string)all.Single(tag => tag.Key == "kind").Value!,
                        (string)all.Single(tag => tag.Key == "role").Value!
                    )
                );
            }
        );
        listener.Start();

        await app.Get<IUndeliveredAlerts>()
            .KeepAsync(
                new UndeliveredAlert(
                    "t|warning|owner",
                    Now,
                    "t",
                    "20261116-001",
                    Core.Policies.SlaMetric.FirstResponse,
                    "warning",
                    1,
                    "owner:客服A",
                    "客服A",
                    "ops-wecom: circuit open"
                )
            );

        Assert.Equal([(1L, "warning", "owner")], counted);
        Assert.Single(
            await app.Get<IUndeliveredAlerts>().ReadAsync(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 16))
        );
    }
}
