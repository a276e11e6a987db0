using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;
using SlaWatch.Rendering;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>With Chinese asked for, every label is Chinese: vocabulary, categories, headers, alerts,
/// announcements.</summary>
public class ChineseLabelsTests
{
    private static readonly ReportLabels Zh = new(chinese: true, Shipped.Rules);

    private static readonly string[] Keys =
    [
        "email",
        "chat",
        "phone",
        "urgent",
        "suggestion",
        "Open",
        "PendingCustomer",
        "firstResponse",
        "partiallyResolved",
        "3:1",
        "technical-fault",
        "system-operation-error",
    ];

    [Fact]
    public void VocabularyAndCategoriesAreNamedInChinese()
    {
        Assert.Equal(
            [
                "邮件",
                "官网客服",
                "电话热线",
                "紧急",
                "建议",
                "处理中",
                "待客户回复",
                "首次响应",
                "部分解决",
                "不满意",
                "技术故障",
                "系统操作错误",
            ],
            Keys.Select(Zh.Name)
        );
        Assert.Equal("Technical fault", new ReportLabels(chinese: false, Shipped.Rules).Name("technical-fault"));
        Assert.Equal("a-new-category", Zh.Name("a-new-category"));
    }

    [Fact]
    public void AlertsAndAnnouncementsReadInChinese()
    {
        var volume = new AnomalyAlert("volume", "category:refund", 2, new DateOnly(2026, 11, 16), 43, 21.3, "english");
        var streak = new AnomalyAlert(
            "streak",
            "category:product-quality",
            1,
            new DateOnly(2026, 11, 16),
            5,
            null,
            "english"
        );
        var announcement = new Announcement(
            "breach",
            2,
            "supervisor",
            "t1",
            "20261116-001",
            Channel.Chat,
            Priority.Urgent,
            SlaMetric.FirstResponse,
            "5m",
            Shipped.At("2026-11-16 09:35"),
            TimeSpan.FromMinutes(7),
            "客服A",
            "agent busy",
            Shipped.At("2026-11-16 09:35")
        );

        Assert.Equal("今日已受理 43 张（退款退货），为近期日均 21.3 张的 2.0 倍：启动2级响应", Zh.Alert(volume));
        Assert.Equal("连续 5 张新工单均为「产品质量」：潜在危机预警", Zh.Alert(streak));
        Assert.Equal(
            "[超时 L2] 20261116-001 官网客服/紧急 首次响应 目标 5m，到期 2026-11-16 09:35，已用 7 分钟，责任人 客服A，原因：agent busy",
            Zh.Announcement(announcement, Shipped.Policy.TimeZone)
        );
        Assert.Equal("english", new ReportLabels(chinese: false).Alert(volume));
    }

    [Fact]
    public void TheTextAndCsvReportsCarryChineseTitlesHeadersAndLabels()
    {
        var day = new DateOnly(2026, 11, 16);
        var figures = new DayFigures { Received = 1 };
        var aggregate = new DailyAggregate(
            day,
            day,
            "v",
            Shipped.At("2026-11-17 00:05"),
            new()
            {
                ["all"] = figures,
                ["channel:chat"] = figures,
                ["category:refund"] = figures,
            },
            []
        );
        var view = ReportView.For(aggregate, Shipped.Policy) with { Rules = Shipped.Rules };

        var text = ReportText.Table(view, chinese: true);
        var csv = ReportText.Csv(view, chinese: true);

        Assert.StartsWith("客服日报 2026年11月16日 — 策略 v", text, StringComparison.Ordinal);
        Assert.Contains("受理量", text, StringComparison.Ordinal);
        Assert.Contains("官网客服", text, StringComparison.Ordinal);
        Assert.Contains("退款退货", text, StringComparison.Ordinal);
        Assert.Contains("received,受理量,1", csv, StringComparison.Ordinal);
        Assert.Contains("问题类型,工单数", csv, StringComparison.Ordinal);
    }

    /// <summary>An overdue reason is stored with the clock's key; a reader sees the clock's name.</summary>
    [Theory]
    [InlineData(SlaMetric.FirstResponse, "系统故障（首次响应）", "系统故障 (First response)")]
    [InlineData(SlaMetric.PromisedResolution, "系统故障（承诺解决）", "系统故障 (Promised resolution)")]
    public void AReasonNamesItsClockInTheReadersLanguage(SlaMetric metric, string chinese, string english)
    {
        var stored = ExceptionRow.ReasonFor("系统故障", metric);
        Assert.Equal(("系统故障", metric), ExceptionRow.SplitReason(stored));
        Assert.Equal(
            (chinese, english),
            (new ReportLabels(true).Reason(stored), new ReportLabels(false).Reason(stored))
        );
    }

    [Theory]
    [InlineData("系统故障")]
    [InlineData("waiting (for the warehouse)")]
    [InlineData("(firstResponse)")]
    public void AReasonNamingNoClockIsShownAsGiven(string stored)
    {
        Assert.Equal((stored, (SlaMetric?)null), ExceptionRow.SplitReason(stored));
        Assert.Equal(stored, new ReportLabels(true).Reason(stored));
    }
}
