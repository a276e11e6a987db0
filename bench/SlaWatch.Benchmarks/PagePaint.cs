using Microsoft.Playwright;

namespace SlaWatch.Benchmarks;

/// <summary>
/// A page in Debian's Chromium, signed in as a development user, and when it first drew its data after navigation:
/// the page keeps that instant in its status object (<c>window.boardStatus</c>, <c>window.workbenchStatus</c>).
/// </summary>
internal sealed class PagePaint : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PagePaint(IPlaywright playwright, IBrowser browser, IPage page)
    {
        (_playwright, _browser, Page) = (playwright, browser, page);
    }

    public IPage Page { get; }

    public static async Task<PagePaint> SignedInAsync(string address, string user)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox"],
            }
        );
        var page = await browser.NewPageAsync(
            new()
            {
                ViewportSize = new() { Width = 1400, Height = 900 },
            }
        );
        var signIn = await page.APIRequest.PostAsync(
            address + "signin/" + user,
            new() { Headers = new Dictionary<string, string> { ["X-SlaWatch-Request"] = "workbench" } }
        );
        if (!signIn.Ok)
        {
            throw new InvalidOperationException($"sign-in answered {signIn.Status}");
        }

        return new PagePaint(playwright, browser, page);
    }

    /// <summary>Loads <paramref name="url"/> in a fresh document and waits for its first paint, in milliseconds
    /// after navigation.</summary>
    public async Task<double> FirstPaintAsync(string url, string status)
    {
        // A fresh document each run: the same address with a hash would not load the page again.
        await Page.GotoAsync("about:blank");
        await Page.GotoAsync(url);
        await Page.WaitForFunctionAsync(
            $"() => window.{status} && window.{status}.firstPaint !== null",
            null,
            new() { Timeout = 120_000 }
        );
        return await Page.EvaluateAsync<double>($"() => window.{status}.firstPaint");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
