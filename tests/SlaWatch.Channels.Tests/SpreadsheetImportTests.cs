using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// Six good rows and two bad ones in the brief's tracking template, as CSV with Chinese headers and as XLSX with
/// English ones; the figures were computed by hand from the brief's definitions.
/// </summary>
public sealed class SpreadsheetImportTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);

    // The import runs a fortnight after the sheet's day, on a clock of its own.
    private static readonly DateTimeOffset ImportedAt = Shipped.At("2026-11-30 09:00");

    private static readonly string[] Chinese =
    [
        "日期",
        "客户编号",
        "问题描述",
        "问题类型",
        "优先级",
        "提交时间",
        "首次回复时间",
        "解决时间",
        "是否首次解决",
        "解决状态",
        "未解决原因",
        "责任人",
        "满意度",
        "渠道",
    ];

    private static readonly string[] English =
    [
        "Date",
        "Customer ID",
        "Description",
        "Category",
        "Priority",
        "Submitted at",
        "First response at",
        "Resolved at",
        "First-contact resolved",
        "Status",
        "Unresolved reason",
        "Owner",
        "Satisfaction",
        "Channel",
    ];

    private static readonly string[][] Rows =
    [
        [
            "2026-11-16",
            "C001",
            "登录报错",
            "技术故障",
            "紧急",
            "09:00",
            "09:10",
            "10:30",
            "是",
            "已解决",
            "",
            "客服A",
            "满意",
            "电话",
        ],
        [
            "2026-11-16",
            "C002",
            "怎么改地址",
            "操作咨询",
            "一般",
            "09:30",
            "10:00",
            "11:00",
            "是",
            "已解决",
            "",
            "客服B",
            "5",
            "邮件",
        ],
        [
            "2026-11-16",
            "C003",
            "快递未到",
            "物流配送延误",
            "一般",
            "10:00",
            "13:00",
            "16:00",
            "否",
            "已解决",
            "核实信息",
            "客服A",
            "一般",
            "在线客服",
        ],
        [
            "2026-11-16",
            "C004",
            "商品破损",
            "产品质量",
            "高",
            "11:00",
            "11:20",
            "",
            "否",
            "处理中",
            "等待仓库",
            "客服C",
            "",
            "电话",
        ],
        // Resolved the next morning: a time of day before the reply is the next day.
        [
            "2026-11-16",
            "C001",
            "登录又报错",
            "技术故障",
            "紧急",
            "14:00",
            "14:30",
            "09:00",
            "否",
            "已解决",
            "客服忙",
            "客服A",
            "不满意",
            "电话",
        ],
        ["2026-11-16", "C005", "建议增加夜间客服", "建议", "建议", "15:00", "", "", "", "未解决", "", "", "", "官网"],
        ["2026-11-16", "C006", "无法支付", "技术故障", "一般", "25:00", "", "", "", "", "", "", "", "电话"],
        ["2026-11-16", "C007", "退款", "退款退货", "超急", "16:00", "", "", "", "", "", "", "", "电话"],
    ];

    [Fact]
    public async Task ACsvWithChineseHeadersGivesTheFiguresComputedByHand()
    {
        var path = Path.Combine(TestFolders.Create("slawatch-import-").FullName, "跟踪表.csv");
        var csv = new StringBuilder().AppendLine(string.Join(',', Chinese));
        foreach (var row in Rows)
        {
            csv.AppendLine(string.Join(',', row));
        }

        // Chinese Excel saves CSV in GB18030 (the code pages are registered by the assembly's initializer).
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding("GB18030").GetBytes(csv.ToString()));

        await AssertImportedAsync(path);
    }

    [Fact]
    public async Task AnXlsxWithEnglishHeadersGivesTheSameFigures()
    {
        var path = Path.Combine(TestFolders.Create("slawatch-import-").FullName, "tracking.xlsx");
        var sheet = Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>();
                for (var i = 0; i < English.Length; i++)
                {
                    cells[English[i]] = row[i];
                }

                // A real date cell, as Excel stores dates.
                cells["Date"] = new DateTime(2026, 11, 16);
                cells["Status"] = row[9] switch
                {
                    "已解决" => "resolved",
                    "处理中" => "in progress",
                    "未解决" => "unresolved",
                    var other => other,
                };
                cells["First-contact resolved"] = row[8] switch
                {
                    "是" => "yes",
                    "否" => "no",
                    var other => other,
                };
                return cells;
            })
            .ToList();
        await MiniExcel.SaveAsAsync(path, sheet);

        await AssertImportedAsync(path);
    }

    [Fact]
    public async Task ASheetWithoutTheRequiredColumnsIsRefusedWhole()
    {
        var path = Path.Combine(TestFolders.Create("slawatch-import-").FullName, "wrong.csv");
        await File.WriteAllTextAsync(path, "姓名,电话\n张三,13912341522\n");
        await using var services = MemoryProcess.Of(Shipped.Policy, new FakeTimeProvider(ImportedAt));

        var error = await Assert.ThrowsAsync<FormatException>(() =>
            Importer(services).ImportAsync(path, Channel.Other)
        );

        Assert.Contains("no CustomerId, SubmittedAt column", error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertImportedAsync(string path)
    {
        await using var services = MemoryProcess.Of(Shipped.Policy, new FakeTimeProvider(ImportedAt));

        var rows = await Importer(services).ImportAsync(path, Channel.Other);

        Assert.Equal([2, 3, 4, 5, 6, 7], rows.Where(row => !row.Rejected).Select(row => row.Row));
        Assert.All(rows.Where(row => !row.Rejected), row => Assert.Equal("created", row.Outcome));
        var bad = rows.Where(row => row.Rejected).ToArray();
        Assert.Equal([8, 9], bad.Select(row => row.Row));
        Assert.Equal("'25:00' is not a time HH:MM", bad[0].Problem);
        Assert.Contains("'超急' is not a priority", bad[1].Problem, StringComparison.Ordinal);
        Assert.Equal((Header(path, 5), Header(path, 4)), (bad[0].Column, bad[1].Column));
        Assert.Equal(
            2,
            (
                await services.Quarantine.ListAsync(
                    SpreadsheetImporter.QuarantineChannel,
                    DateOnly.FromDateTime(ImportedAt.UtcDateTime)
                )
            ).Count
        );

        var all = (await services.Reports.RunDayAsync(Day)).All;
        Assert.Equal(6, all.Received);
        Assert.Equal(4, all.Resolved);
        // 是否首次解决 as recorded: 是 on rows 1 and 2 only.
        Assert.Equal(2, all.FirstContactResolved);
        // First responses 10, 30, 180, 20, 30 minutes; resolutions 90, 90, 360 and 1 140 (next morning).
        Assert.Equal((5, 54.0), (all.FirstResponse.Count, all.FirstResponse.Mean!.Value));
        Assert.Equal((4, 420.0), (all.Resolution.Count, all.Resolution.Mean!.Value));
        // 满意 and 5 of 5 are satisfied; 一般 and 不满意 are not.
        Assert.Equal((2, 4), (all.Satisfied.Hits, all.Satisfied.Of));
        // C001 complained about a technical fault twice.
        Assert.Equal((1, 6), (all.RepeatComplaints.Hits, all.RepeatComplaints.Of));
        // Only the e-mail answered within its 2 hours: calls have a three-ring target, chat five minutes, and the
        // suggestion was never answered.
        Assert.Equal((1, 6), (all.Attainment["firstResponse"].Hits, all.Attainment["firstResponse"].Of));

        // A second import of the same sheet adds nothing.
        var again = await Importer(services).ImportAsync(path, Channel.Other);
        Assert.All(again.Where(row => !row.Rejected), row => Assert.Equal("duplicate", row.Outcome));
        Assert.Equal(6, (await services.Reports.RunDayAsync(Day)).All.Received);
    }

    private static string Header(string path, int index) =>
        path.EndsWith(".csv", StringComparison.Ordinal) ? Chinese[index] : English[index];

    private static SpreadsheetImporter Importer(TestProcess services) =>
        services.With(added => added.AddSlaWatchChannels()).Get<SpreadsheetImporter>();
}
