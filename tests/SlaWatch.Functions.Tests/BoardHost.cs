using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaWatch.Functions.Triggers;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// The board's two functions served by Kestrel on a free loopback port, as the Functions host would route them (the
/// host itself cannot run here): the page and its data are the function classes' own answers.
/// </summary>
internal sealed class BoardHost : IAsyncDisposable
{
    private readonly WebApplication _web;

    private BoardHost(WebApplication web, Uri address)
    {
        _web = web;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>When set, the data endpoint answers 503, as an unreachable server would look to the page.</summary>
    public bool Down { get; set; }

    public static async Task<BoardHost> StartAsync(FunctionApp app)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        BoardHost? host = null;
        web.MapGet("/api/board", (HttpRequest request) => app.Function<LiveBoard>().Page(request));
        web.MapGet("/api/board/data", async (HttpRequest request, CancellationToken cancellationToken) =>
            host!.Down
                ? Results.StatusCode(503)
                : (IResult)await app.Function<LiveBoard>().DataAsync(request, cancellationToken)
        );
        await web.StartAsync();
        var address = web
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        host = new BoardHost(web, new Uri(address));
        return host;
    }

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();
}
