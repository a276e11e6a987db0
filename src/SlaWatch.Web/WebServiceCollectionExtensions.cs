using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlaWatch.Web.Board;
using SlaWatch.Web.Pages;
using SlaWatch.Web.Reports;
using SlaWatch.Web.SignIn;
using SlaWatch.Web.Workbench;

namespace SlaWatch.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// The people-facing pages and their JSON (board, reports, workbench), as both hosts serve them. Needs the core,
    /// the rendering (<c>AddSlaWatchRendering</c>) and one sign-in: <see cref="AddSlaWatchPlatformSignIn"/> in Azure,
    /// <see cref="AddSlaWatchDevelopmentSignIn"/> on a developer's machine.
    /// </summary>
    public static IServiceCollection AddSlaWatchWeb(this IServiceCollection services)
    {
        services.AddSingleton<PageHtml>();
        services.AddSingleton<BoardEndpoints>();
        services.AddSingleton<ReportEndpoints>();
        services.AddSingleton<StaffingEndpoints>();
        services.AddSingleton<ExportEndpoints>();
        services.AddSingleton<WhatIfEndpoints>();
        services.AddSingleton<WorkbenchFacts>();
        services.AddSingleton<WorkbenchEndpoints>();
        services.AddSingleton<Inbound.InboundPushes>();
        services.TryAddSingleton<WeChat.IWeChatDelivery, WeChat.WeChatIngestNow>();
        services.AddSingleton<WeChat.WeChatEndpoints>();
        services.TryAddSingleton<WeCom.IWeComPull, WeCom.WeComPullNow>();
        services.AddSingleton<WeCom.WeComEndpoints>();
        return services;
    }

    /// <summary>People signed in by App Service Authentication; its header is trusted only when
    /// <paramref name="platformAuthentication"/> (the platform's <c>WEBSITE_AUTH_ENABLED</c>) says it is on.</summary>
    public static IServiceCollection AddSlaWatchPlatformSignIn(
        this IServiceCollection services,
        bool platformAuthentication
    )
    {
        services.AddSingleton(provider =>
            ActivatorUtilities.CreateInstance<PlatformSignIn>(provider, platformAuthentication)
        );
        services.AddSingleton<IPersonSignIn>(provider => provider.GetRequiredService<PlatformSignIn>());
        return services;
    }

    /// <summary>People signed in from a list of development users: for a host bound to loopback only.</summary>
    public static IServiceCollection AddSlaWatchDevelopmentSignIn(
        this IServiceCollection services,
        DevelopmentUsers users
    )
    {
        services.AddSingleton(users);
        services.AddSingleton<DevelopmentSignIn>();
        services.AddSingleton<DevelopmentSignInEndpoints>();
        services.AddSingleton<IPersonSignIn>(provider => provider.GetRequiredService<DevelopmentSignIn>());
        return services;
    }
}
