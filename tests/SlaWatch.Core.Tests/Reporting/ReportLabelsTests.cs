using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>Every name a report shows has an English and a Chinese label; notes, spans and announcements read
/// right.</summary>
public class ReportLabelsTests
{
    private static readonly ReportLabels En = new(chinese: false);
    private static readonly ReportLabels Zh = new(chinese: true);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static bool HasHan(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        foreach (
            var key in ChannelCatalog
                .Default.All.Select(item => item.Channel.Key)
                .Concat(["urgent", "high", "normal", "low", "suggestion"])
                .Concat(
                    Enum.GetValues<TicketStatus>()
                        .Where(status => status != TicketStatus.Reopened)
                        .Select(status => status.ToString())
                )
                .Concat(Enum.GetValues<SlaMetric>().Select(metric => metric.Key()))
                .Concat(
                    Enum.GetValues<Confirmation>()
                        .Select(outcome => char.ToLowerInvariant(outcome.ToString()[0]) + outcome.ToString()[1..])
                )
                .Concat(["unassigned", "breached", "running", "paused", "none", "3:3", "3:2", "3:1"])
                .Concat(
                    new[]
                    {
                        typeof(AgentResponse),
                        typeof(Acknowledged),
                        typeof(Assigned),
                        typeof(StatusChanged),
                        typeof(PriorityChanged),
                        typeof(CategoryChanged),
                        typeof(OverdueReason),
                        typeof(ResolutionPromised),
                        typeof(SatisfactionRated),
                        typeof(CustomerConfirmed),
                        typeof(FirstContactRecorded),
                        typeof(Received),
                        typeof(CustomerMessage),
                    }.Select(type => type.Name)
                )
        )
        {
            keys.Add(key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryKeyIsNamedInBothLanguages(string key)
    {
        var english = En.Name(key);
        var chinese = Zh.Name(key);
        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.False(HasHan(english), english);
        Assert.True(HasHan(chinese), $"{key} → '{chinese}'");
    }

    [Fact]
    public void NamesOfOneKindAreDistinct()
    {
        var channels = ChannelCatalog.Default.All.Select(item => item.Channel.Key).ToList();
        Assert.Equal(channels.Count, channels.Select(En.Name).Distinct().Count());
        Assert.Equal(channels.Count, channels.Select(Zh.Name).Distinct().Count());
        string[] statuses = ["Open", "PendingCustomer", "OnHold", "Resolved", "Closed"];
        Assert.Equal(statuses.Length, statuses.Select(En.Name).Distinct().Count());
        Assert.Equal(statuses.Length, statuses.Select(Zh.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("5:4", "4 / 5")]
    [InlineData("10:7", "7 / 10")]
    [InlineData("x:7", "x:7")]
    [InlineData("a-new-category", "a-new-category")]
    public void UnknownKeysShowAsTheyAreAndRatingLevelsAsAFraction(string key, string expected)
    {
        Assert.Equal(expected, En.Name(key));
        Assert.Equal(expected, Zh.Name(key));
    }

    [Fact]
    public void PickFollowsTheLanguage()
    {
        Assert.Equal("a", En.Pick("a", "乙"));
        Assert.Equal("乙", Zh.Pick("a", "乙"));
        Assert.False(En.Chinese);
        Assert.True(Zh.Chinese);
        Assert.Throws<ArgumentNullException>(() => En.Name(null!));
    }

    [Fact]
    public void ARecordStampedBeforeItsArrivalIsNamedWithBothInstantsInTheZone()
    {
        var note = new DataNote(
            DataNoteKind.StampedBeforeArrival,
            nameof(AgentResponse),
            Shipped.At("2026-11-16 08:55"),
            Shipped.At("2026-11-16 09:00")
        );
        Assert.Equal(
            "agent response stamped 11-16 08:55, before the arrival at 11-16 09:00: counted from the arrival",
            En.DataNote(note, Shanghai)
        );
        Assert.Equal(
            "客服回复记录时间 11-16 08:55 早于接收时间 11-16 09:00：按接收时间计",
            Zh.DataNote(note, Shanghai)
        );
        Assert.Equal(
            " stamped -, before the arrival at -: counted from the arrival",
            En.DataNote(new DataNote(DataNoteKind.StampedBeforeArrival), Shanghai)
        );
    }

    [Theory]
    [InlineData(1, 59, "1 record entered after the fact, up to 59 min late", "1 条记录事后补录，最晚 59分钟后录入")]
    [InlineData(
        2,
        60,
        "2 records entered after the fact, up to 1 h 0 min late",
        "2 条记录事后补录，最晚 1小时0分钟后录入"
    )]
    [InlineData(3, 1439, "3 records entered after the fact, up to 23 h 59 min late", "最晚 23小时59分钟后录入")]
    [InlineData(1, 1440, "1 record entered after the fact, up to 1 d 0 h late", "最晚 1天0小时后录入")]
    [InlineData(1, 3000, "up to 2 d 2 h late", "最晚 2天2小时后录入")]
    public void LateEntriesSayHowManyAndHowLateInTheLargestUnit(
        int count,
        int lateMinutes,
        string english,
        string chinese
    )
    {
        var note = new DataNote(
            DataNoteKind.EnteredLate,
            nameof(OverdueReason),
            Shipped.At("2026-11-16 09:00"),
            Shipped.At("2026-11-16 10:30"),
            count,
            TimeSpan.FromMinutes(lateMinutes)
        );
        Assert.Contains(english, En.DataNote(note, Shanghai), StringComparison.Ordinal);
        Assert.EndsWith(
            "(overdue reason of 11-16 09:00 entered 11-16 10:30)",
            En.DataNote(note, Shanghai),
            StringComparison.Ordinal
        );
        Assert.Contains(chinese, Zh.DataNote(note, Shanghai), StringComparison.Ordinal);
        Assert.EndsWith(
            "（超时原因 11-16 09:00，录入于 11-16 10:30）",
            Zh.DataNote(note, Shanghai),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ALateEntryWithoutASpanSaysSo()
    {
        Assert.Contains(
            "up to - late",
            En.DataNote(new DataNote(DataNoteKind.EnteredLate), Shanghai),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void AnImportedTicketAsksForASpotCheck()
    {
        Assert.Equal(
            "imported from a sheet: spot-check it",
            En.DataNote(new DataNote(DataNoteKind.Imported), Shanghai)
        );
        Assert.Equal("表格导入：请抽查", Zh.DataNote(new DataNote(DataNoteKind.Imported), Shanghai));
    }

    [Fact]
    public void AVolumeAlertOverAllTicketsIsNamedAll()
    {
        var all = new AnomalyAlert("volume", "all", 1, new DateOnly(2026, 11, 16), 30, 12.5, "english");
        Assert.Equal("今日已受理 30 张（全部），为近期日均 12.5 张的 2.4 倍：启动1级响应", Zh.Alert(all));
        var channel = new AnomalyAlert("streak", "chat", 1, new DateOnly(2026, 11, 16), 6, null, "english");
        Assert.Equal("连续 6 张新工单均为「官网客服」：潜在危机预警", Zh.Alert(channel));
    }

    [Theory]
    [InlineData(
        "warning",
        0,
        null,
        null,
        "[warning] 20261116-001 chat/urgent firstResponse target 5m, due -, elapsed 4 min, owner -",
        "[预警] 20261116-001 官网客服/紧急 首次响应 目标 5m，到期 -，已用 4 分钟，责任人 -"
    )]
    [InlineData(
        "escalation",
        3,
        "客服A",
        "agent busy",
        "[escalation L3] 20261116-001 chat/urgent firstResponse target 5m, due -, elapsed 4 min, owner 客服A, reason: "
            + "agent busy",
        "[升级 L3] 20261116-001 官网客服/紧急 首次响应 目标 5m，到期 -，已用 4 分钟，责任人 客服A，原因：agent busy"
    )]
    [InlineData("reminder", 1, null, null, "[reminder L1] 20261116-001", "[reminder L1] 20261116-001")]
    public void AnAnnouncementReadsAsOneLineWithoutAContact(
        string kind,
        int level,
        string? owner,
        string? reason,
        string english,
        string chinese
    )
    {
        var item = new Announcement(
            kind,
            level,
            "owner",
            "t1",
            "20261116-001",
            Channel.Chat,
            Priority.Urgent,
            SlaMetric.FirstResponse,
            "5m",
            null,
            TimeSpan.FromSeconds(4 * 60 + 20),
            owner,
            reason,
            Shipped.At("2026-11-16 09:35")
        );
        Assert.StartsWith(english, En.Announcement(item, Shanghai), StringComparison.Ordinal);
        Assert.StartsWith(chinese, Zh.Announcement(item, Shanghai), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnnouncementsDueInstantIsShownInThePolicysZone()
    {
        var item = new Announcement(
            "breach",
            2,
            "supervisor",
            "t1",
            "20261116-001",
            Channel.Email,
            Priority.High,
            SlaMetric.Resolution,
            "8h",
            new DateTimeOffset(2026, 11, 16, 1, 35, 0, TimeSpan.Zero),
            TimeSpan.FromMinutes(481),
            "客服B",
            null,
            Shipped.At("2026-11-16 09:35")
        );
        Assert.Equal(
            "[breach L2] 20261116-001 email/high resolution target 8h, due 2026-11-16 09:35, elapsed 481 min, owner "
                + "客服B",
            En.Announcement(item, Shanghai)
        );
    }

    [Fact]
    public void ScorecardHeadersNameTheirColumnsInTheLanguage()
    {
        Assert.Equal(
            [
                "Agent",
                "Tickets",
                "First response mean",
                "Median",
                "P90",
                "In time",
                "Resolution rate",
                "First contact",
                "Satisfied",
                "Overdue",
                "No reason",
                "Reasons",
            ],
            En.ScorecardHeaders("Agent")
        );
        Assert.Equal(
            [
                "客服",
                "工单数",
                "平均首次响应",
                "中位数",
                "P90",
                "响应达标率",
                "解决率",
                "首次解决率",
                "满意度",
                "超时",
                "未填原因",
                "超时原因",
            ],
            Zh.ScorecardHeaders("客服")
        );
    }
}
