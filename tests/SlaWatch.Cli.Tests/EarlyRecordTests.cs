using System.Text.Json.Nodes;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>
/// Records stamped before their contact: an agent's reply and an assignment typed in with times ten and five minutes
/// before the e-mail arrived. <c>ingest</c> (lines in file order) and <c>replay</c> (inputs in time order, so the
/// records come first) count them the same way, at the arrival, and list them for a reviewer.
/// </summary>
[Collection(AzuriteTests.Name)]
public class EarlyRecordTests(AzuriteFixture azurite)
{
    private static readonly string[] Lines =
    [
        """{"type":"contact","channel":"email","sourceId":"<e1@example.com>","receivedAt":"2026-11-16T09:30:00+08:"""
            + """00","from":"a@example.com","subject":"无法登录"}""",
        """{"type":"event","ticket":"source:email:<e1@example.com>","kind":"agentResponse","at":"2026-11-16T09:20:"""
            + """00+08:00","actor":"客服A"}""",
        """{"type":"event","ticket":"source:email:"""
            + """<e1@example.com>","kind":"assigned","owner":"客服A","at":"2026-11-16T09:25:00+08:00","actor":"主管"}""",
        """{"type":"event","ticket":"source:email:"""
            + """<e1@example.com>","kind":"status","status":"resolved","at":"2026-11-16T10:00:00+08:"""
            + """00","actor":"客服A"}""",
        """{"type":"event","ticket":"source:email:"""
            + """<e1@example.com>","kind":"customerConfirmed","outcome":"resolved","at":"2026-11-16T10:05:00+08:"""
            + """00","actor":"customer"}""",
        """{"type":"contact","channel":"chat","sourceId":"c1","receivedAt":"2026-11-16T11:00:00+08:"""
            + """00","from":"13912341522","text":"物流"}""",
        """{"type":"event","ticket":"source:chat:c1","kind":"agentResponse","at":"2026-11-16T11:03:00+08:"""
            + """00","actor":"客服B"}""",
        """{"type":"event","ticket":"source:chat:c1","kind":"status","status":"resolved","at":"2026-11-16T11:30:"""
            + """00+08:00","actor":"客服B"}""",
        """{"type":"event","ticket":"source:chat:"""
            + """c1","kind":"customerConfirmed","outcome":"resolved","at":"2026-11-16T11:31:00+08:"""
            + """00","actor":"customer"}""",
    ];

    [Fact]
    public void IngestAndReplayGiveIdenticalFiguresAndBothListTheEarlyRecords()
    {
        var input = TestFolders.Create("slawatch-early-").FullName;
        var file = Path.Combine(input, "events.jsonl");
        File.WriteAllLines(file, Lines);
        var prefix = "e" + Guid.NewGuid().ToString("N")[..10];
        string[] store =
        [
            "--now",
            Cli.Now,
            "--storage",
            azurite.ConnectionString,
            "--table-prefix",
            prefix,
            "--policy",
            Cli.Policy,
            "--rules",
            Cli.Config("classification.json"),
        ];

        var ingested = Cli.Run(["ingest", file, .. store]);
        var report = Cli.Run(["report", "daily", "--date", "2026-11-16", "--format", "json", .. store]);
        var output = TestFolders.Create("slawatch-early-out-").FullName;
        var replayed = Cli.Run(
            "replay",
            input,
            "--store",
            "memory",
            "--out",
            output,
            "--policy",
            Cli.Policy,
            "--rules",
            Cli.Config("classification.json")
        );

        Assert.True(ingested.ExitCode == 0, ingested.Error);
        Assert.True(replayed.ExitCode == 0, replayed.Error);
        Assert.DoesNotContain("notfound", ingested.Out, StringComparison.Ordinal);
        var byIngest = JsonNode.Parse(report.Out)!;
        var byReplay = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "days.json")))!.AsArray().Single()!;
        Assert.True(
            JsonNode.DeepEquals(byIngest["dimensions"], byReplay["dimensions"]),
            $"ingest {byIngest["dimensions"]!["all"]}\nreplay {byReplay["dimensions"]!["all"]}"
        );
        // The reply counts at the arrival (0 minutes), the chat's after 3: a mean of 1.5 either way.
        var firstResponse = byReplay["dimensions"]!["all"]!["firstResponse"]!;
        Assert.Equal(2, firstResponse["count"]!.GetValue<int>());
        Assert.Equal(1.5, firstResponse["sum"]!.GetValue<double>() / 2);

        // Both list the two records stamped before the e-mail arrived, with the instants they claimed.
        string[] Early(JsonNode day) =>
            [
                .. day["exceptions"]!
                    .AsArray()
                    .SelectMany(row => row!["dataQuality"]!.AsArray())
                    .Where(note => note!["kind"]!.GetValue<string>() == "StampedBeforeArrival")
                    .Select(note => $"{note!["event"]} {note["claimed"]} {note["counted"]}"),
            ];
        Assert.Equal(
            [
                "AgentResponse 2026-11-16T01:20:00+00:00 2026-11-16T01:30:00+00:00",
                "Assigned 2026-11-16T01:25:00+00:00 2026-11-16T01:30:00+00:00",
            ],
            Early(byReplay)
        );
        Assert.Equal(Early(byReplay), Early(byIngest));

        // Only ingest entered the lines long after the times they state; replay recorded each at its instant.
        bool Late(JsonNode day) =>
            day["exceptions"]!
                .AsArray()
                .Any(row =>
                    row!["dataQuality"]!.AsArray().Any(note => note!["kind"]!.GetValue<string>() == "EnteredLate")
                );
        Assert.True(Late(byIngest));
        Assert.False(Late(byReplay));
        Assert.Contains(
            "counted from the arrival",
            Cli.Run(["report", "daily", "--date", "2026-11-16", .. store]).Out,
            StringComparison.Ordinal
        );
    }
}
