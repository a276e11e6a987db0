using System.Text.Json;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

[Collection(AzuriteTests.Name)]
public class ReportCommandTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "r" + Guid.NewGuid().ToString("N")[..10];

    private Cli.Result WithStore(params string[] args) => Cli.OnStore(azurite.ConnectionString, _prefix, args);

    /// <summary>What-if of 2026-11-13 under <paramref name="draft"/>.</summary>
    private static string[] WhatIfOn13th(string draft) =>
        ["whatif", "--from", "2026-11-13", "--to", "2026-11-13", "--policy-b", draft];

    private Cli.Result WhatIf(string draft, params string[] more) => WithStore([.. WhatIfOn13th(draft), .. more]);

    // Written on a clock of its own, a week after the tickets arrived.
    private const string SeededAt = "2026-11-20T09:00:00+08:00";

    private void Seed() =>
        Assert.Equal(
            0,
            WithStore(
                "ingest",
                "--now",
                SeededAt,
                Cli.TempFile(
                    "input.jsonl",
                    string.Join(
                        '\n',
                        """{"type":"contact","channel":"email","sourceId":"<a@x>","receivedAt":"2026-11-13T17:30:"""
                            + """00+08:00","from":"zhang.san@example.com","subject":"建议增加导出","priority":"suggestio"""
                            + """n"}""",
                        """{"type":"event","ticket":"20261113-001","kind":"agentResponse","at":"2026-11-16T10:00:"""
                            + """00+08:00","actor":"客服A"}""",
                        """{"type":"contact","channel":"chat","sourceId":"c1","threadKey":"k1","receivedAt":"2026-11"""
                            + """-13T10:00:00+08:00","from":"13912341522","text":"物流"}""",
                        """{"type":"event","ticket":"20261113-002","kind":"agentResponse","at":"2026-11-13T10:02:"""
                            + """00+08:00","actor":"客服B"}""",
                        """{"type":"event","ticket":"20261113-002","kind":"status","status":"resolved","at":"2026-11"""
                            + """-13T10:20:00+08:00","actor":"客服B"}"""
                    )
                )
            ).ExitCode
        );

    [Fact]
    public void TheDailyReportPrintsFiguresAgainstTargetsInEveryFormat()
    {
        Seed();
        var text = WithStore("report", "daily", "--date", "2026-11-13");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Resolution rate", text.Out, StringComparison.Ordinal);
        Assert.Contains("MISS", text.Out, StringComparison.Ordinal);
        Assert.Contains("Overdue, unresolved or to check", text.Out, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(
            WithStore("report", "daily", "--date", "2026-11-13", "--format", "json").Out
        );
        var figures = json
            .RootElement.GetProperty("figures")
            .EnumerateArray()
            .ToDictionary(row => row.GetProperty("key").GetString()!, row => row);
        Assert.Equal(2, figures["received"].GetProperty("value").GetDouble());
        Assert.Equal(50, figures["resolutionRate"].GetProperty("value").GetDouble());
        Assert.False(figures["resolutionRate"].GetProperty("met").GetBoolean());

        var csv = WithStore("report", "daily", "--date", "2026-11-13", "--format", "csv").Out.Split('\n');
        Assert.Equal("\uFEFFkey,label,value,unit,target,met,previous", csv[0]);
        Assert.Contains("resolutionRate,Resolution rate (confirmed),50,%,≥ 95%,false,", csv);

        var week = WithStore("report", "weekly", "--week", "2026-W46", "--format", "json");
        Assert.Equal(0, week.ExitCode);
        Assert.Equal(
            2,
            JsonDocument
                .Parse(week.Out)
                .RootElement.GetProperty("figures")
                .EnumerateArray()
                .First()
                .GetProperty("value")
                .GetDouble()
        );
        Assert.Equal(2, WithStore("report", "weekly", "--week", "2026-W99").ExitCode);

        // Any run of days, beside the run of the same length before it.
        var run = WithStore("report", "range", "--from", "2026-11-12", "--to", "2026-11-13", "--format", "json");
        var zhRun = WithStore("report", "range", "--from", "2026-11-12", "--to", "2026-11-13", "--lang", "zh-CN");
        var backwards = WithStore("report", "range", "--from", "2026-11-13", "--to", "2026-11-12");
        Assert.Equal((0, 0, 2), (run.ExitCode, zhRun.ExitCode, backwards.ExitCode));
        var received = JsonDocument
            .Parse(run.Out)
            .RootElement.GetProperty("figures")
            .EnumerateArray()
            .First(row => row.GetProperty("key").GetString() == "received");
        Assert.Equal(2, received.GetProperty("value").GetDouble());
        Assert.Equal(
            "2026-11-12..2026-11-13",
            JsonDocument.Parse(run.Out).RootElement.GetProperty("period").GetString()
        );
        Assert.Contains("客服报告 2026年11月12日至11月13日（2 天）", zhRun.Out, StringComparison.Ordinal);
        Assert.Contains(
            "--from: '2026-11-13..2026-11-12' is not a run of 1 to 366 days",
            backwards.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void TheExportGivesOpenAndWallTimesAndMasksContacts()
    {
        Seed();
        var export = WithStore("export", "tickets", "--from", "2026-11-13", "--to", "2026-11-13", "--format", "json");
        Assert.Equal(0, export.ExitCode);
        var rows = export
            .Out.TrimEnd()
            .Split('\n')
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(row => row.GetProperty("number").GetString()!);
        var suggestion = rows["20261113-001"];
        Assert.Equal(90, suggestion.GetProperty("firstResponseOpenMinutes").GetDouble());
        Assert.Equal(3870, suggestion.GetProperty("firstResponseWallMinutes").GetDouble());
        // Seconds for targets shorter than a minute; instants in the policy's zone with its offset.
        Assert.Equal(232_200, suggestion.GetProperty("firstResponseWallSeconds").GetInt64());
        Assert.EndsWith("+08:00", suggestion.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("z***@e***.com", suggestion.GetProperty("customer").GetString());
        Assert.Equal("1391234****", rows["20261113-002"].GetProperty("customer").GetString());
        Assert.DoesNotContain("zhang.san", export.Out, StringComparison.Ordinal);

        var csv = WithStore("export", "tickets", "--from", "2026-11-13", "--to", "2026-11-13").Out.Split('\n');
        Assert.StartsWith(
            "\uFEFFNumber,Id,Channel,ChannelNameZh,ChannelNameEn,Category,Priority,Owner,Status,ReceivedAt",
            csv[0],
            StringComparison.Ordinal
        );
        Assert.Contains(csv, line =>
            line.StartsWith("20261113-001,", StringComparison.Ordinal)
            && line.Contains(",email,邮件,E-mail,", StringComparison.Ordinal)
            && line.Contains("2026-11-13T17:30:00+08:00", StringComparison.Ordinal)
        );
        Assert.Contains(csv, line => line.Contains(",chat,官网客服,Web chat,", StringComparison.Ordinal));
    }

    [Fact]
    public void TheExportIsASpreadsheetInTheTrackingTemplatesColumnsWithChineseHeaders()
    {
        Seed();
        var path = Path.Combine(Path.GetTempPath(), $"slawatch-{Guid.NewGuid():N}.xlsx");
        try
        {
            var written = WithStore([.. Xlsx("2026-11-13"), "--out", path, "--lang", "zh-CN"]);
            Assert.Equal(0, written.ExitCode);
            var sheet = Assert.Single(XlsxReading.Sheets(File.ReadAllBytes(path)));
            Assert.Equal("工单", sheet.Name);
            var headers = XlsxReading.Texts(sheet.Rows[0]);
            Assert.Equal(
                ["工单编号", "日期", "渠道", "客户名称/联系人", "问题类型", "优先级", "提交时间"],
                headers.Take(7)
            );
            // The template's columns come first and in its order, each one the import reads back as that field;
            // what SlaWatch adds after them is read as no field at all.
            var fields = headers.Select(Channels.Spreadsheets.TemplateColumns.Of).ToList();
            var template = fields.TakeWhile(field => field is not null).Select(field => field!.Value).ToList();
            Assert.Equal(20, template.Count);
            Assert.Equal(template.Order(), template);
            Assert.Equal(template.Count, template.Distinct().Count());
            Assert.All(fields.Skip(template.Count), field => Assert.Null(field));

            var rows = sheet
                .Rows.Skip(1)
                .ToDictionary(row => row[0]!.Text, row => headers.Zip(row).ToDictionary(p => p.First, p => p.Second));
            Assert.Equal(2, rows.Count);
            var suggestion = rows["20261113-001"];
            Assert.Equal(
                ("2026-11-13", "邮件", "z***@e***.com", "建议", "处理中", "否"),
                (
                    suggestion["日期"]!.Text,
                    suggestion["渠道"]!.Text,
                    suggestion["客户名称/联系人"]!.Text,
                    suggestion["优先级"]!.Text,
                    suggestion["解决状态"]!.Text,
                    suggestion["是否首次解决"]!.Text
                )
            );
            // Instants are date cells on the policy zone's wall clock; times taken are numbers.
            Assert.Equal(new DateTime(2026, 11, 13, 17, 30, 0), suggestion["提交时间"]!.Date);
            Assert.Equal(new DateTime(2026, 11, 16, 10, 0, 0), suggestion["首次响应时间"]!.Date);
            Assert.Equal(
                (3870, 90),
                (suggestion["首次响应耗时（分钟）"]!.Number, suggestion["首次响应耗时（工作时间，分钟）"]!.Number)
            );
            Assert.Equal("n", suggestion["首次响应耗时（分钟）"]!.Type);
            var chat = rows["20261113-002"];
            Assert.Equal(
                ("官网客服", "1391234****", "已解决"),
                (chat["渠道"]!.Text, chat["客户名称/联系人"]!.Text, chat["解决状态"]!.Text)
            );
            Assert.Equal(20, chat["解决耗时（分钟）"]!.Number);
            Assert.DoesNotContain(sheet.Rows.SelectMany(row => row), cell => cell is { Formula: true });
            Assert.Empty(
                ChineseScan.EnglishWords(XlsxReading.Shown(File.ReadAllBytes(path), "内部编号", "外部编号"), "com")
            );

            var english = WithStore([.. Xlsx("2026-11-13"), "--out", path]);
            Assert.Equal(0, english.ExitCode);
            var tickets = XlsxReading.Sheet(File.ReadAllBytes(path), "Tickets");
            Assert.Equal(headers.Count, tickets[0].Count);
            Assert.Equal(fields, XlsxReading.Texts(tickets[0]).Select(Channels.Spreadsheets.TemplateColumns.Of));
            Assert.Equal(3, tickets.Count);

            var noFile = WithStore(Xlsx("2026-11-13"));
            var tooLong = WithStore("export", "tickets", "--from", "2025-11-12", "--to", "2026-11-13");
            Assert.Equal((2, 2), (noFile.ExitCode, tooLong.ExitCode));
            Assert.Contains("--format xlsx needs --out FILE", noFile.Error, StringComparison.Ordinal);
            Assert.Contains(
                "--to: '2025-11-12..2026-11-13' is not a run of 1 to 366 days",
                tooLong.Error,
                StringComparison.Ordinal
            );
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] Xlsx(string day) => ["export", "tickets", "--from", day, "--to", day, "--format", "xlsx"];

    [Fact]
    public void AReportIsASpreadsheetOfItsFiguresAsNumbersAndASheetPerTable()
    {
        Seed();
        var path = Path.Combine(Path.GetTempPath(), $"slawatch-{Guid.NewGuid():N}.xlsx");
        try
        {
            var written = WithStore(
                "report",
                "daily",
                "--date",
                "2026-11-13",
                "--format",
                "xlsx",
                "--out",
                path,
                "--lang",
                "zh-CN"
            );
            Assert.Equal(0, written.ExitCode);
            var sheets = XlsxReading.Sheets(File.ReadAllBytes(path));
            Assert.Equal("概览", sheets[0].Name);
            Assert.Contains("按渠道", sheets.Select(sheet => sheet.Name));
            Assert.Equal(["异常定位", "报告说明"], sheets.TakeLast(2).Select(sheet => sheet.Name));
            var summary = sheets[0].Rows;
            Assert.Equal(
                ["指标", "数值", "单位", "目标", "是否达标", "上期", "变化", "指标代码"],
                XlsxReading.Texts(summary[0])
            );
            var figures = summary.Skip(1).ToDictionary(row => row[7]!.Text);
            Assert.Equal(
                ("受理量", 2.0, "n"),
                (figures["received"][0]!.Text, figures["received"][1]!.Number, figures["received"][1]!.Type)
            );
            Assert.Equal(
                (50.0, "%", "≥ 95%", "未达标"),
                (
                    figures["resolutionRate"][1]!.Number,
                    figures["resolutionRate"][2]!.Text,
                    figures["resolutionRate"][3]!.Text,
                    figures["resolutionRate"][4]!.Text
                )
            );
            var channels = sheets.Single(sheet => sheet.Name == "按渠道").Rows;
            Assert.Equal(["渠道", "工单数", "平均首次响应", "达标率"], XlsxReading.Texts(channels[0]));
            var mail = channels.Single(row => row[0]!.Text == "邮件");
            Assert.Equal(("1", "3870.0 分钟"), (mail[1]!.Text, mail[2]!.Text));
            var about = sheets[^1].Rows.Skip(1).ToDictionary(row => row[0]!.Text, row => row[1]!.Text);
            Assert.Equal(("2026-11-13", "2026-11-13"), (about["开始日期"], about["结束日期"]));
            Assert.EndsWith("+08:00", about["计算时间"], StringComparison.Ordinal);
            Assert.Empty(ChineseScan.EnglishWords(XlsxReading.Shown(File.ReadAllBytes(path), "指标代码"), "default"));

            var noFile = WithStore("report", "daily", "--date", "2026-11-13", "--format", "xlsx");
            Assert.Equal(2, noFile.ExitCode);
            Assert.Contains("--format xlsx needs --out FILE", noFile.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WhatIfTriesADraftPolicyOnTheStoredDaysAndRefusesADraftThatDoesNotRead()
    {
        Seed();
        // The chat was answered after 2 minutes: a draft wanting an answer within 1 minute makes it late.
        var draft = File.ReadAllText(RepoRoot.Config("sla-policy.json"))
            .Replace("\"firstResponse\": \"5m\" }", "\"firstResponse\": \"1m\" }", StringComparison.Ordinal)
            .Replace("\"version\": \"", "\"version\": \"draft-", StringComparison.Ordinal)
            .Replace("\"calendars/", "\"" + RepoRoot.Config("calendars") + "/", StringComparison.Ordinal);
        var file = Cli.TempFile("draft.json", draft);
        var json = WhatIf(file, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var result = JsonDocument.Parse(json.Out);
        Assert.Equal(
            (2, 1, 0, 1),
            (
                result.RootElement.GetProperty("tickets").GetInt32(),
                result.RootElement.GetProperty("breachesGained").GetInt32(),
                result.RootElement.GetProperty("breachesLost").GetInt32(),
                result.RootElement.GetProperty("ticketsChanged").GetInt32()
            )
        );
        var change = result.RootElement.GetProperty("changes")[0];
        Assert.Equal(
            ("20261113-002", "1391234****", "firstResponse"),
            (
                change.GetProperty("number").GetString(),
                change.GetProperty("customer").GetString(),
                change.GetProperty("breachedUnderB")[0].GetString()
            )
        );
        var text = WhatIf(file);
        Assert.Contains("Clocks breached under draft-", text.Out, StringComparison.Ordinal);
        Assert.Contains("and not under the policy in force: 1; the other way: 0.", text.Out, StringComparison.Ordinal);
        Assert.Contains("20261113-002", text.Out, StringComparison.Ordinal);
        // A read: the day stays unstored.
        Assert.Contains(
            "\"provisional\": true",
            WithStore("report", "daily", "--date", "2026-11-13", "--format", "json").Out,
            StringComparison.Ordinal
        );

        var broken = WhatIf(Cli.TempFile("bad.json", "{\"version\": 3}"));
        var noPage = WhatIf(file, "--format", "html");
        Assert.Equal((2, 2), (broken.ExitCode, noPage.ExitCode));
        Assert.Contains("bad.json", broken.Error, StringComparison.Ordinal);
        Assert.Contains("--format html needs --out FILE", noPage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCommandsChineseOutputHasNoEnglishWordOfItsOwn()
    {
        Seed();
        var draft = Cli.TempFile(
            "draft.json",
            File.ReadAllText(RepoRoot.Config("sla-policy.json"))
                .Replace("\"version\": \"", "\"version\": \"草案-", StringComparison.Ordinal)
                .Replace("\"calendars/", "\"" + RepoRoot.Config("calendars") + "/", StringComparison.Ordinal)
        );
        string[][] commands =
        [
            ["report", "daily", "--date", "2026-11-13"],
            ["report", "weekly", "--week", "2026-W46"],
            ["report", "range", "--from", "2026-11-12", "--to", "2026-11-13"],
            ["backlog", "--now", "2026-11-20T09:00:00+08:00"],
            ["scan", "--now", "2026-11-20T09:05:00+08:00"],
            ["staffing", "--from", "2026-11-09", "--to", "2026-11-15"],
            [.. WhatIfOn13th(draft)],
        ];
        foreach (var command in commands)
        {
            var run = WithStore([.. command, "--lang", "zh-CN"]);
            Assert.True(run.ExitCode == 0, $"{string.Join(' ', command)}: {run.Error}");
            // The policy's version (2026.12-default) and the masked customer's mail domain are data, not words.
            Assert.True(
                ChineseScan.EnglishWords(run.Out, "default", "com") is [],
                $"{string.Join(' ', command)}: {string.Join(", ", ChineseScan.EnglishWords(run.Out, "default", "com"))}"
            );
        }
    }

    [Fact]
    public void ScanAsOfAnInstantReportsWhatItDid()
    {
        Seed();
        // Thresholds already past when the tickets were written wake at the minute they were written.
        var scan = WithStore("scan", "--now", "2026-11-20T09:05:00+08:00", "--json");
        Assert.Equal(0, scan.ExitCode);
        using var json = JsonDocument.Parse(scan.Out);
        Assert.Equal(1, json.RootElement.GetProperty("ticketsLoaded").GetInt32());
        Assert.True(json.RootElement.GetProperty("announcements").GetProperty("breach").GetInt32() >= 1);
        Assert.True(json.RootElement.GetProperty("bucketsRead").GetInt32() > 1);
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void AScanOnADayTheCalendarHasNoHolidayDataForSaysSoOnStderrAndInTheJson()
    {
        var scan = WithStore("scan", "--now", "2019-03-04T09:00:00+08:00", "--json", "--lang", "zh-CN");
        Assert.Equal(0, scan.ExitCode);
        using var json = JsonDocument.Parse(scan.Out);
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray().ToArray());
        Assert.Equal("calendar-out-of-range", warning.GetProperty("code").GetString());
        Assert.Equal(2019, Assert.Single(warning.GetProperty("years").EnumerateArray().ToArray()).GetInt32());
        Assert.StartsWith(
            "slawatch: warning: 日历“office”没有 2019 年的节假日数据",
            scan.Error,
            StringComparison.Ordinal
        );
    }
}
