using System.Text.Json;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary><c>slawatch backlog</c>: the tickets open now or at an earlier instant, soonest due first, in English or
/// Chinese.</summary>
[Collection(AzuriteTests.Name)]
public class BacklogCommandTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "b" + Guid.NewGuid().ToString("N")[..10];

    private Cli.Result WithStore(params string[] args) => Cli.OnStore(azurite.ConnectionString, _prefix, args);

    [Fact]
    public void TheBacklogListsOpenTicketsFromAnyDaySoonestDueFirst()
    {
        Assert.Equal(
            0,
            WithStore(
                "ingest",
                Cli.TempFile(
                    "backlog.jsonl",
                    string.Join(
                        '\n',
                        """{"type":"contact","channel":"email","sourceId":"<old@x>","receivedAt":"2026-11-10T09:00:"""
                            + """00+08:00","from":"zhang.san@example.com","subject":"请问如何导出"}""",
                        """{"type":"contact","channel":"chat","sourceId":"c1","threadKey":"k1","receivedAt":"2026-11"""
                            + """-16T10:00:00+08:00","from":"13912341522","text":"物流"}""",
                        """{"type":"contact","channel":"chat","sourceId":"c2","threadKey":"k2","receivedAt":"2026-11"""
                            + """-16T10:05:00+08:00","from":"13912349999","text":"退款"}""",
                        """{"type":"event","ticket":"20261116-002","kind":"agentResponse","at":"2026-11-16T10:06:"""
                            + """00+08:00","actor":"客服B"}""",
                        """{"type":"event","ticket":"20261116-002","kind":"status","status":"resolved","at":"2026-11"""
                            + """-16T10:20:00+08:00","actor":"客服B"}"""
                    )
                )
            ).ExitCode
        );

        var json = WithStore("backlog", "--at", "2026-11-16T10:10:00+08:00", "--json");
        var zh = WithStore("backlog", "--at", "2026-11-16T10:10:00+08:00", "--lang", "zh-CN");

        Assert.Equal(0, json.ExitCode);
        var rows = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToArray();
        // At 10:10: the old e-mail (first response breached days ago), the first chat (5 min: breached at 10:05), the
        // second (running).
        Assert.Equal(
            ["20261110-001", "20261116-001", "20261116-002"],
            rows.Select(row => row.GetProperty("number").GetString())
        );
        Assert.Equal(["breached", "breached", "running"], rows.Select(row => row.GetProperty("state").GetString()));
        Assert.Contains("未结工单 3 张", zh.Out, StringComparison.Ordinal);
        Assert.Contains("已超时", zh.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("13912341522", json.Out + zh.Out, StringComparison.Ordinal);
        // Now the resolved chat is no longer open.
        Assert.Equal(2, JsonDocument.Parse(WithStore("backlog", "--json").Out).RootElement.GetArrayLength());
    }
}
