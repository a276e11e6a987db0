using Microsoft.Playwright;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The WhatIf function on stored tickets: a draft policy posted as the body, the comparison in JSON, Chinese
/// text and a page whose charts draw in Chromium; a draft that does not read, or names a file outside the policy's
/// folder, refused with its reason; and the tables as they were.</summary>
[Collection(AzuriteTests.Name)]
public sealed class WhatIfFunctionTests(AzuriteFixture azurite)
{
    private static string Draft(string chat, string calendar = "calendars/24x7.json") =>
        File.ReadAllText(RepoRoot.Config("sla-policy.json"))
            .Replace(
                "\"targets\": { \"firstResponse\": \"5m\" }",
                $"\"targets\": {{ \"firstResponse\": \"{chat}\" }}",
                StringComparison.Ordinal
            )
            .Replace("\"calendars/24x7.json\"", $"\"{calendar}\"", StringComparison.Ordinal)
            .Replace("\"version\": \"", "\"version\": \"draft-", StringComparison.Ordinal);

    [Fact]
    public async Task ADraftPolicyIsTriedOnStoredTicketsAndNothingStoredChanges()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:00"));
        // Chats answered after 2 and 4 minutes: in time under 5 minutes, the second late under 3.
        foreach (var (wall, minutes) in new[] { ("2026-11-12 10:00", 2), ("2026-11-12 10:10", 4) })
        {
            app.Time.SetUtcNow(Shipped.At(wall));
            var id = (await app.Get<IngestionService>().IngestAsync(TestContacts.Chat(wall), "test")).TicketId!;
            await app.Get<TicketEventService>()
                .RecordAsync(id, new AgentResponse(Shipped.At(wall).AddMinutes(minutes), "客服A", null), "test");
        }

        app.Time.SetUtcNow(Shipped.At("2026-11-16 03:00"));
        var before = await TableFingerprint.OfAsync(azurite.ConnectionString, app.Prefix);
        var whatIf = app.Function<WhatIf>();

        async Task<HttpAnswer> Post(string query, string body) =>
            await app.AnswerAsync(
                await whatIf.CompareAsync(app.Request("POST", "/api/whatif", body: body, query: query), default)
            );

        var json = await Post("?from=2026-11-12&to=2026-11-12", Draft("3m"));
        Assert.Equal((200, "application/json; charset=utf-8"), (json.Status, json.ContentType));
        Assert.Equal(
            (2, 1, 0, 1),
            (
                (int)json.Json["tickets"]!,
                (int)json.Json["breachesGained"]!,
                (int)json.Json["breachesLost"]!,
                (int)json.Json["ticketsChanged"]!
            )
        );
        var chat = json.Json["rows"]!
            .AsArray()
            .Single(row =>
                (string)row!["dimension"]! == "channel:chat" && (string)row["measure"]! == "firstResponse attainment %"
            )!;
        Assert.Equal((100.0, 50.0), ((double)chat["a"]!, (double)chat["b"]!));
        Assert.Equal("1391234****", (string)json.Json["changes"]![0]!["customer"]!);

        // Without a period: the four weeks to yesterday, which hold the 12th.
        var text = await Post("?format=text&lang=zh-CN", Draft("3m"));
        Assert.Contains("策略推演 2026年10月19日至11月15日", text.Body, StringComparison.Ordinal);
        Assert.Contains("官网客服  首次响应达标率  100.0%", text.Body, StringComparison.Ordinal);
        Assert.Contains("−50.0 个百分点", text.Body, StringComparison.Ordinal);

        var html = await Post("?from=2026-11-12&to=2026-11-12&format=html&lang=zh-CN", Draft("3m"));
        Assert.Equal("text/html; charset=utf-8", html.ContentType);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        Assert.Equal(Rendering.HtmlWhatIf.ChartIds, await DebianChromium.ChartsDrawnAsync(page, html.Body));
        Assert.Equal(2, await page.Locator("#changes tr").CountAsync());
        await DebianChromium.ShootAsync(page, "whatif-zh");

        var malformed = await Post("?from=2026-11-12&to=2026-11-12", "{\"version\": 3}");
        var outside = await Post("?from=2026-11-12&to=2026-11-12", Draft("3m", "../../../../etc/hostname"));
        var empty = await Post("?from=2026-11-12&to=2026-11-12", string.Empty);
        var pdf = await Post("?format=pdf", Draft("3m"));
        Assert.Equal((400, 400, 400, 400), (malformed.Status, outside.Status, empty.Status, pdf.Status));
        Assert.StartsWith("the policy to try: ", (string)malformed.Json["detail"]!, StringComparison.Ordinal);
        Assert.Contains(
            "a draft policy may name only files in the folder of the policy in force",
            (string)outside.Json["detail"]!,
            StringComparison.Ordinal
        );
        Assert.Equal(before, await TableFingerprint.OfAsync(azurite.ConnectionString, app.Prefix));
    }
}
