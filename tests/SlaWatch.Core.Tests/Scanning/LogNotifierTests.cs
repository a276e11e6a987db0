using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Tests.Scanning;

public class LogNotifierTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static Announcement Breach(string number) =>
        new(
            "breach",
            2,
            "supervisor",
            "t-" + number,
            number,
            Channel.Chat,
            Priority.Urgent,
            SlaMetric.FirstResponse,
            "5m",
            new DateTimeOffset(2026, 11, 16, 1, 35, 0, TimeSpan.Zero),
            TimeSpan.FromMinutes(7),
            "客服A",
            null,
            new DateTimeOffset(2026, 11, 16, 1, 35, 0, TimeSpan.Zero)
        );

    [Fact]
    public async Task ANotificationIsOneLinePerAnnouncementAndADigestSaysHowManyAndIndents()
    {
        var lines = new List<string>();
        var notifier = new LogNotifier(lines.Add, Shanghai);

        await notifier.NotifyAsync(new Notification("supervisor", [Breach("20261116-001")], IsDigest: false));
        await notifier.NotifyAsync(
            new Notification("supervisor", [Breach("20261116-002"), Breach("20261116-003")], IsDigest: true)
        );

        Assert.Equal(
            [
                "[breach L2] 20261116-001 chat/urgent firstResponse target 5m, due 2026-11-16 09:35, elapsed 7 min, "
                    + "owner 客服A -> supervisor",
                "digest for supervisor: 2 announcements",
                "  [breach L2] 20261116-002 chat/urgent firstResponse target 5m, due 2026-11-16 09:35, elapsed 7 min, "
                    + "owner 客服A -> supervisor",
                "  [breach L2] 20261116-003 chat/urgent firstResponse target 5m, due 2026-11-16 09:35, elapsed 7 min, "
                    + "owner 客服A -> supervisor",
            ],
            lines
        );
    }

    [Fact]
    public async Task EarlyWarningsAndDigestsReadInChinese()
    {
        var lines = new List<string>();
        var notifier = new LogNotifier(lines.Add, Shanghai, new ReportLabels(chinese: true));
        var alert = new AnomalyAlert(
            "streak",
            "category:refund",
            1,
            new DateOnly(2026, 11, 16),
            5,
            null,
            "5 consecutive"
        );

        await notifier.NotifyAsync(new Notification("manager", [], IsDigest: false) { Alerts = [alert] });
        await notifier.NotifyAsync(new Notification("supervisor", [Breach("20261116-001")], IsDigest: true));

        Assert.Equal("[预警 连续同类 L1] 连续 5 张新工单均为「refund」：潜在危机预警 -> 经理", lines[0]);
        Assert.Equal("汇总通知 主管：1 条", lines[1]);
        Assert.StartsWith("  [超时 L2] 20261116-001 官网客服/紧急", lines[2], StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentNullException>(() => notifier.NotifyAsync(null!));
    }
}
