using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SlaWatch.Rendering;

/// <summary>Registers what the HTML renderings need, found and checked when the host starts.</summary>
public static class RenderingServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ReportAssets"/> with ECharts read from the file <c>SLAWATCH_ECHARTS</c> names (in
    /// <paramref name="configuration"/>), else from beside the app or the checkout's <c>node_modules</c>. A host
    /// whose script is missing does not start: a report without its charts is a defect found at deployment, not by a
    /// reader.
    /// </summary>
    public static IServiceCollection AddSlaWatchRendering(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services
            .AddOptions<ReportAssets>()
            .Configure(assets =>
            {
                var named = configuration[EchartsScript.PathVariable];
                assets.LookedFor = named is { Length: > 0 } ? named : "beside the app and in node_modules";
                assets.Echarts = EchartsScript.Read(named) ?? string.Empty;
            })
            .Validate(
                assets => assets.Echarts.Length > 0,
                $"echarts.min.js was not found ({EchartsScript.PathVariable} or beside the app): "
                    + $"{EchartsScript.Missing}"
            )
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ReportAssets>>().Value);
        services.AddSingleton<ReportDocuments>();
        services.AddSingleton<TicketExportDocuments>();
        services.AddSingleton<WhatIfDocuments>();
        return services;
    }
}
