using System.Text.Json;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

[Collection(AzuriteTests.Name)]
public class IngestCommandTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "c" + Guid.NewGuid().ToString("N")[..10];

    private Cli.Result Run(params string[] args) => Cli.OnStore(azurite.ConnectionString, _prefix, args);

    [Fact]
    public void IngestPrintsALinePerInputAndReportsBadLinesByLineAndField()
    {
        var file = Cli.TempFile(
            "input.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"email","sourceId":"<m1@example.com>","receivedAt":"2026-11-16T09:30:"""
                    + """00+08:00","from":"13912341522","subject":"无法登录"}""",
                """{"type":"contact","channel":"email","sourceId":"<m1@example.com>","receivedAt":"2026-11-16T09:30:"""
                    + """00+08:00","from":"13912341522","subject":"无法登录"}""",
                "",
                """{"type":"event","ticket":"20261116-001","kind":"agentResponse","at":"2026-11-16T09:44:00+08:"""
                    + """00","actor":"客服A"}""",
                """{"type":"contact","channel":"fax","sourceId":"f1","receivedAt":"2026-11-16T09:30:00+08:"""
                    + """00","from":"x"}""",
                """{"type":"event","ticket":"20261116-001","kind":"satisfaction","rating":7,"scale":"""
                    + """5,"at":"2026-11-16T10:00:00+08:00","actor":"customer"}""",
                """{"type":"contact","channel":"chat","sourceId":"c1","threadKey":"conv-1","receivedAt":"2026-11-16T"""
                    + """10:00","from":"O'Brien","text":"物流"}"""
            )
        );

        var result = Run("ingest", file);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Matches(@"^20261116-001 t[0-9a-f]{24} created$", lines[0]);
        Assert.EndsWith(" duplicate", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(" recorded", lines[2], StringComparison.Ordinal);
        Assert.Equal("- - rejected", lines[3]);
        Assert.Equal("- - rejected", lines[4]);
        Assert.StartsWith("20261116-002 ", lines[5], StringComparison.Ordinal);
        var errors = result.Error.TrimEnd().Split('\n');
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"{file}:5: channel: 'fax' is not a channel", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:6: rating: 7 is outside the 1-5 scale", errors[1], StringComparison.Ordinal);
        Assert.Contains("kept in quarantine as", errors[1], StringComparison.Ordinal);

        var again = Run("ingest", file);
        Assert.All(
            again.Out.TrimEnd().Split('\n').Where(line => !line.EndsWith("rejected", StringComparison.Ordinal)),
            line => Assert.EndsWith(" duplicate", line, StringComparison.Ordinal)
        );
    }

    [Fact]
    public void TicketShowPrintsTheTicketItsEventsAndItsClocks()
    {
        var file = Cli.TempFile(
            "input.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"email","sourceId":"<s1@example.com>","receivedAt":"2026-11-16T09:30:"""
                    + """00+08:00","from":"zhang.san@example.com","subject":"无法登录"}""",
                """{"type":"event","ticket":"20261116-001","kind":"acknowledged","at":"2026-11-16T09:30:20+08:"""
                    + """00","actor":"system"}""",
                """{"type":"event","ticket":"20261116-001","kind":"overdueReason","reason":"agent busy","metric":"fi"""
                    + """rstResponse","at":"2026-11-16T09:50:00+08:00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261116-001","kind":"agentResponse","at":"2026-11-16T09:52:00+08:"""
                    + """00","actor":"客服A"}"""
            )
        );
        Assert.Equal(0, Run("ingest", file).ExitCode);

        var shown = Run("ticket", "show", "20261116-001", "--now", "2026-11-16T12:00:00+08:00", "--json");

        Assert.Equal(0, shown.ExitCode);
        using var document = JsonDocument.Parse(shown.Out);
        var ticket = document.RootElement.GetProperty("ticket");
        Assert.Equal("z***@e***.com", ticket.GetProperty("customer").GetString());
        Assert.Equal("agent busy", ticket.GetProperty("overdueReason").GetString());
        Assert.Equal(4, document.RootElement.GetProperty("events").GetArrayLength());
        var firstResponse = document
            .RootElement.GetProperty("clocks")
            .EnumerateArray()
            .Single(clock => clock.GetProperty("metric").GetString() == "firstResponse");
        Assert.Equal(
            ("Breached", "2026-11-16T09:45:00+08:00", 1320L),
            (
                firstResponse.GetProperty("state").GetString(),
                firstResponse.GetProperty("due").GetString(),
                firstResponse.GetProperty("elapsedSeconds").GetInt64()
            )
        );
        Assert.DoesNotContain("zhang.san", shown.Out, StringComparison.Ordinal);

        var missing = Run("ticket", "show", "20261116-999");
        Assert.Equal((2, "slawatch: no ticket 20261116-999"), (missing.ExitCode, missing.Error.Trim()));
    }

    [Fact]
    public void InstantsOutsideTheYearsARecordCanHaveAreRefusedOnTheirLineAndTheRunGoesOn()
    {
        var file = Cli.TempFile(
            "input.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"email","sourceId":"<y1@example.com>","receivedAt":"0001-01-01T00:00:"""
                    + """00+08:00","from":"a@example.com"}""",
                """{"type":"contact","channel":"email","sourceId":"<y2@example.com>","receivedAt":"0001-01-01T00:00:"""
                    + """00Z","from":"a@example.com"}""",
                """{"type":"contact","channel":"email","sourceId":"<y3@example.com>","receivedAt":"2026-11-16T09:30:"""
                    + """00+08:00","from":"a@example.com"}""",
                """{"type":"event","ticket":"20261116-001","kind":"agentResponse","at":"9999-12-31T23:59:59+08:"""
                    + """00","actor":"客服A"}"""
            )
        );

        var result = Run("ingest", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["- - rejected", "- - rejected"], result.Out.TrimEnd().Split('\n')[..2]);
        Assert.Matches(@"^20261116-001 t[0-9a-f]{24} created$", result.Out.TrimEnd().Split('\n')[2]);
        var errors = result.Error.TrimEnd().Split('\n');
        Assert.StartsWith(
            $"{file}:1: receivedAt: '0001-01-01T00:00:00+08:00' is outside the years 2000–2099",
            errors[0],
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            $"{file}:2: receivedAt: '0001-01-01T00:00:00Z' is outside the years 2000–2099",
            errors[1],
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            $"{file}:4: at: '9999-12-31T23:59:59+08:00' is outside the years 2000–2099",
            errors[2],
            StringComparison.Ordinal
        );

        var calls = Cli.TempFile(
            "calls.jsonl",
            string.Join(
                '\n',
                """{"callId":"y","caller":"13912341522","start":"0001-01-01 00:00:00"}""",
                """{"callId":"z","caller":"13912341522","start":"2026-11-16T09:30:00+08:00","answer":"2026-11-16T09:"""
                    + """30:10+08:00","end":"2026-11-16T09:32:00+08:00"}"""
            )
        );
        var parsed = Cli.Run("calls", "parse", calls, "--policy", Cli.Policy);
        Assert.Equal(2, parsed.ExitCode);
        Assert.Equal($"{calls}:1: start: '0001-01-01 00:00:00' is outside the years 2000–2099", parsed.Error.Trim());
        Assert.EndsWith("met", parsed.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACategoryOrTierThatIsNotConfiguredIsRefusedWithTheList()
    {
        var file = Cli.TempFile(
            "input.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"email","sourceId":"<o1@example.com>","receivedAt":"2026-11-16T09:30:"""
                    + """00+08:00","from":"a@example.com","category":"<svg onload=alert(1)>"}""",
                """{"type":"contact","channel":"email","sourceId":"<o2@example.com>","receivedAt":"2026-11-16T09:31:"""
                    + """00+08:00","from":"a@example.com","tier":"=1+1"}""",
                """{"type":"contact","channel":"email","sourceId":"<o3@example.com>","receivedAt":"2026-11-16T09:32:"""
                    + """00+08:00","from":"a@example.com","category":"物流配送延误","tier":"VIP"}""",
                """{"type":"event","ticket":"20261116-001","kind":"category","category":"=cmd|' /C calc'!A0","at":"2"""
                    + """026-11-16T09:40:00+08:00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261116-001","kind":"category","category":"refund","at":"2026-11-16T09"""
                    + """:41:00+08:00","actor":"客服A"}"""
            )
        );

        var result = Run("ingest", file);

        Assert.Equal(2, result.ExitCode);
        var errors = result.Error.TrimEnd().Split('\n');
        Assert.StartsWith(
            $"{file}:1: category: '<svg onload=alert(1)>' is not a configured category; use privacy-leak, payment, ",
            errors[0],
            StringComparison.Ordinal
        );
        Assert.Contains("usage-question, other", errors[0], StringComparison.Ordinal);
        Assert.StartsWith(
            $"{file}:2: tier: '=1+1' is not a configured tier; use vip",
            errors[1],
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            $"{file}:4: category: '=cmd|' /C calc'!A0' is not a configured category",
            errors[2],
            StringComparison.Ordinal
        );
        var outcomes = result.Out.TrimEnd().Split('\n');
        Assert.Matches(@"^20261116-001 t[0-9a-f]{24} created$", outcomes[2]);
        Assert.EndsWith(" recorded", outcomes[4], StringComparison.Ordinal);
    }

    [Fact]
    public void ContactsTypedIntoFreeTextNeverLeaveTheStoreInTheClear()
    {
        var file = Cli.TempFile(
            "input.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"email","sourceId":"<f1@example.com>","receivedAt":"2026-11-16T09:30:"""
                    + """00+08:00","from":"a@example.com","subject":"请回电 13912341522"}""",
                """{"type":"event","ticket":"20261116-001","kind":"overdueReason","reason":"客户 li.si@example.com 未回"""
                    + """复","metric":"firstResponse","at":"2026-11-16T11:50:00+08:00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261116-001","kind":"agentResponse","at":"2026-11-16T11:55:00+08:"""
                    + """00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261116-001","kind":"satisfaction","rating":2,"scale":"""
                    + """5,"comment":"打 13812345678 没人接","at":"2026-11-16T12:00:00+08:00","actor":"customer"}"""
            )
        );
        Assert.Equal(0, Run("ingest", file).ExitCode);

        var outputs = new[]
        {
            Run("ticket", "show", "20261116-001", "--now", "2026-11-16T13:00:00+08:00").Out,
            Run("ticket", "show", "20261116-001", "--now", "2026-11-16T13:00:00+08:00", "--json").Out,
            Run("export", "tickets", "--from", "2026-11-16", "--to", "2026-11-16").Out,
            Run("export", "tickets", "--from", "2026-11-16", "--to", "2026-11-16", "--format", "json").Out,
            Run("report", "daily", "--date", "2026-11-16").Out,
        };

        Assert.All(outputs, output =>
        {
            Assert.DoesNotContain("13912341522", output, StringComparison.Ordinal);
            Assert.DoesNotContain("13812345678", output, StringComparison.Ordinal);
            Assert.DoesNotContain("li.si@", output, StringComparison.Ordinal);
        });
        Assert.Contains("请回电 1391234****", outputs[0], StringComparison.Ordinal);
        Assert.Contains("客户 l***@e***.com 未回复", outputs[2], StringComparison.Ordinal);
        Assert.Contains("打 1381234**** 没人接", outputs[3], StringComparison.Ordinal);
    }

    [Fact]
    public void AnAfterSalesSheetImportsAndItsTicketsShowTheTeamsReferenceSolutionAndRemarks()
    {
        var sheet = Cli.TempFile(
            "售后问题登记表.csv",
            string.Join(
                '\n',
                "问题编号,客户名称/联系人,联系方式(脱敏),问题描述,问题分类,接收时间,首次响应时间,解决时间,解决方案,处理人,客户满意度,客户反馈,备注",
                "SH-20261118-01,张先生,5678,洗衣机运行时漏水,质量投诉,2026-11-18 09:00,2026-11-18 09:10,2026-11-18 15:00,上门更换进水管并试机,"
                    + "工号001,5,已解决，很满意,VIP客户",
                "SH-20261118-02,李女士,1393456,不会设置预约洗涤,操作咨询,2026-11-18 10:30,2026-11-18 11:00,-,-,工号002,-,-,-"
            )
        );

        var imported = Run("import", sheet);

        Assert.Equal(
            (0, "row 2: 20261118-001 created\nrow 3: 20261118-002 created"),
            (imported.ExitCode, imported.Out.TrimEnd())
        );
        var shown = Run("ticket", "show", "20261118-001", "--now", "2026-11-19T12:00:00+08:00");
        Assert.Contains("the team's SH-20261118-01", shown.Out, StringComparison.Ordinal);
        Assert.Contains("solution: 上门更换进水管并试机", shown.Out, StringComparison.Ordinal);
        Assert.Contains("remarks: VIP客户", shown.Out, StringComparison.Ordinal);
        Assert.Contains("customer 张** 5***", shown.Out, StringComparison.Ordinal);
        var open = JsonDocument
            .Parse(Run("ticket", "show", "20261118-002", "--json").Out)
            .RootElement.GetProperty("ticket");
        Assert.Equal(
            ("SH-20261118-02", "Open", "工号002"),
            (
                open.GetProperty("reference").GetString(),
                open.GetProperty("status").GetString(),
                open.GetProperty("executor").GetString()
            )
        );

        var export = Run("export", "tickets", "--from", "2026-11-18", "--to", "2026-11-18").Out.Split('\n');
        Assert.Contains(
            "Reference,Executor,Solution,Remarks,PromisedBy,Confirmation,ConfirmedAt",
            export[0],
            StringComparison.Ordinal
        );
        Assert.Contains(export, line =>
            line.Contains(
                "SH-20261118-01,工号001,上门更换进水管并试机,VIP客户,,resolved,2026-11-18T15:00:00+08:00",
                StringComparison.Ordinal
            )
        );
    }

    [Fact]
    public void AnExportRunsNoFormulaFromWhatASheetSaidAndKeepsNumbersAsNumbers()
    {
        var sheet = Cli.TempFile(
            "售后问题登记表.csv",
            string.Join(
                '\n',
                "问题编号,客户名称/联系人,联系方式(脱敏),问题描述,问题分类,接收时间,首次响应时间,解决时间,解决方案,处理人,客户满意度,客户反馈,备注",
                "=1+1,张先生,5678,洗衣机运行时漏水,质量投诉,2026-11-18 09:00,2026-11-18 09:10,2026-11-18 15:00,@SUM(A1),+SUM(1;2),5,"
                    + "已解决,-2+3"
            )
        );
        Assert.Equal(0, Run("import", sheet).ExitCode);

        var export = Run("export", "tickets", "--from", "2026-11-18", "--to", "2026-11-18").Out.TrimEnd().Split('\n');

        var header = export[0].Split(',');
        var row = export[1].Split(',');
        string Cell(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal(
            ("'=1+1", "'+SUM(1;2)", "'@SUM(A1)", "'-2+3"),
            (Cell("Reference"), Cell("Executor"), Cell("Solution"), Cell("Remarks"))
        );
        Assert.Equal("10", Cell("FirstResponseWallMinutes"));
        Assert.DoesNotContain(row, cell => cell.Length > 0 && cell[0] is '=' or '+' or '@' or '-');
    }

    [Fact]
    public void NowSetsTheClockARunRecordsOnWhateverTheMachinesDate()
    {
        var file = Cli.TempFile(
            "now.jsonl",
            """{"type":"contact","channel":"email","sourceId":"<now-1@x>","receivedAt":"2026-11-16T09:30:00+08:"""
                + """00","from":"a@example.com","subject":"发票"}"""
        );

        var early = Run("ingest", file, "--now", "2026-11-16T01:00:00Z");
        var onTime = Run("ingest", file, "--now", "2026-11-16T01:31:00Z");
        var badNow = Run("ingest", file, "--now", "yesterday");

        // 09:30 in Shanghai is 01:30 UTC: half an hour after the first run's clock, a minute before the second's.
        Assert.Equal(2, early.ExitCode);
        Assert.Contains(
            "receivedAt: 2026-11-16T09:30:00.0000000+08:00 is in the future (now 2026-11-16T01:00:00.0000000+00:00)",
            early.Error,
            StringComparison.Ordinal
        );
        Assert.Equal((0, "created"), (onTime.ExitCode, onTime.Line.Split(' ')[^1]));
        Assert.Equal(2, badNow.ExitCode);
        Assert.StartsWith("slawatch: --now: ", badNow.Error, StringComparison.Ordinal);
    }
}
