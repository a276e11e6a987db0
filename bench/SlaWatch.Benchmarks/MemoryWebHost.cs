using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Rendering;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;
using SlaWatch.Web;
using SlaWatch.Web.SignIn;

namespace SlaWatch.Benchmarks;

/// <summary>
/// The pages <c>slawatch serve</c> serves (the same routes and classes, development sign-in), over an in-process
/// store, in this process, on a free loopback port: what the server's own part of a page costs, without a table
/// service's latency.
/// </summary>
internal static class MemoryWebHost
{
    public static async Task<(WebApplication Host, string Address)> StartAsync(
        MemoryStore store,
        SlaPolicy policy,
        ClassificationRules rules,
        TimeProvider clock
    )
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = RepoRoot.Path });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder
            .Services.AddSingleton(clock)
            .AddSlaWatchPolicy(policy, rules)
            .AddSlaWatchMemoryStorage(store)
            .AddSlaWatchCore()
            .AddSlaWatchRendering(builder.Configuration)
            .AddSlaWatchWeb()
            .AddSlaWatchDevelopmentSignIn(DevelopmentUsers.Load(RepoRoot.Config("dev-users.json")));
        var host = builder.Build();
        host.MapSlaWatchPages();
        host.MapDevelopmentSignIn();
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return (host, address.Single() + "/");
    }
}
