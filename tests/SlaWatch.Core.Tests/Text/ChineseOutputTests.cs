using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Staffing;
using SlaWatch.Core.WhatIf;
using SlaWatch.Rendering;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Text;

/// <summary>
/// The what-if, the coaching card and the staffing plan in Chinese, as text and as pages: no Latin word of their own
/// making (the reports' own scan is in <see cref="Reporting.ReportSectionsTests"/>).
/// </summary>
public sealed class ChineseOutputTests : IAsyncDisposable
{
    private static readonly ReportLabels Chinese = new(true, Shipped.Rules, Shipped.Policy.Channels);
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-01 09:00"));

    private static WhatIfResult WhatIf() =>
        new(
            new DateOnly(2026, 11, 1),
            new DateOnly(2026, 11, 30),
            "现行版",
            "草案",
            Shipped.At("2026-12-01 10:00"),
            3,
            [
                new ComparisonRow("all", ComparisonRow.Tickets, 3, 3),
                new ComparisonRow("channel:chat", ComparisonRow.Attainment("firstResponse"), 100, 50),
                new ComparisonRow("priority:urgent", ComparisonRow.Breaches, 1, 2),
            ],
            1,
            0,
            1,
            [new WhatIfChange("20261112-002", "chat", "normal", "1391234****", [], ["firstResponse", "resolution"])]
        );

    private static CoachingCard Card()
    {
        var figures = new CoachingFigures(4, 75, 3.2, 50, 100);
        return new CoachingCard(
            "客服A",
            null,
            new DateOnly(2026, 8, 24),
            new DateOnly(2026, 11, 15),
            [new CoachingWeek("2026-W46", new DateOnly(2026, 11, 9), figures, figures)],
            figures,
            figures,
            [new ReasonCount("客户未接电话", 1)]
        );
    }

    [Theory]
    [InlineData("whatif.txt")]
    [InlineData("whatif.html")]
    [InlineData("coaching.html")]
    [InlineData("staffing.txt")]
    [InlineData("staffing.html")]
    public async Task NoOutputInChineseHasAnEnglishWordOfItsOwn(string output)
    {
        var zone = Shipped.Policy.TimeZone;
        var rendered = output switch
        {
            "whatif.txt" => WhatIfText.Table(WhatIf(), Chinese, zone),
            "whatif.html" => HtmlWhatIf.Render(WhatIf(), Chinese, zone, string.Empty),
            "coaching.html" => HtmlCoaching.Render(Card(), Chinese, string.Empty),
            _ => await StaffingAsync(html: output.EndsWith(".html", StringComparison.Ordinal)),
        };
        var shown = ChineseScan.Shown(rendered, html: output.EndsWith(".html", StringComparison.Ordinal));

        Assert.Empty(ChineseScan.EnglishWords(shown));
        Assert.True(shown.Length > 200, $"only {shown.Length} characters shown: the scan would prove little");
    }

    private async Task<string> StaffingAsync(bool html)
    {
        foreach (
            var (channel, wall) in new[] { (Channel.Phone, "2026-11-09 09:00"), (Channel.Email, "2026-11-10 10:00") }
        )
        {
            _world.Time.SetUtcNow(Shipped.At(wall));
            await _world.Main.Ingestion.IngestAsync(
                new InboundContact
                {
                    Channel = channel,
                    SourceId = channel.Key + wall,
                    ReceivedAt = Shipped.At(wall),
                    From = "13912340001",
                    Text = "无法登录",
                },
                "test"
            );
        }

        var plan = await _world
            .Main.Get<StaffingPlanner>()
            .PlanAsync(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15), new StaffingOptions());
        if (html)
        {
            return HtmlStaffing.Render(plan, chinese: true, string.Empty);
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        StaffingText.Write(text, plan, chinese: true);
        return text.ToString();
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
