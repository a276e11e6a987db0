using Microsoft.Playwright;

namespace SlaWatch.TestSupport;

/// <summary>
/// Debian's Chromium under Playwright, as the browser tests drive it (headless, no sandbox as root, nothing fetched
/// in the background), and their screenshots, kept beside the test assembly under <c>screenshots/</c>.
/// </summary>
internal static class DebianChromium
{
    /// <summary>What every run of the tests' Chromium is started with, under Playwright or alone.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = [.. Arguments],
            }
        );
    }

    /// <summary>The whole page as a PNG named <paramref name="name"/>; a near-empty file fails the test.</summary>
    public static async Task ShootAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var path = Path.Combine(shots, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
    }

    /// <summary>
    /// A page of charts as drawn (set as the page's content when <paramref name="html"/> is given): no script error,
    /// every chart painted; the charts' names, in the page's order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ChartsDrawnAsync(IPage page, string? html = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (html is not null)
        {
            await page.SetContentAsync(html);
        }

        await page.WaitForSelectorAsync("#render-status:not(:empty)", new() { State = WaitForSelectorState.Attached });
        var status = System.Text.Json.Nodes.JsonNode.Parse(
            await page.Locator("#render-status").TextContentAsync() ?? ""
        )!;
        Assert.Empty(status["errors"]!.AsArray());
        Assert.All(status["charts"]!.AsObject(), chart => Assert.True((bool)chart.Value!, $"{chart.Key} drew nothing"));
        return [.. status["charts"]!.AsObject().Select(chart => chart.Key)];
    }
}
