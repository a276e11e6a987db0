using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlaWatch.Core.Alerts;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Workbench;

namespace SlaWatch.Core;

/// <summary>
/// Registers the domain's services: ingestion, events, the writer, the scanner, reports, the backlog and the board.
/// They need a storage (<c>AddSlaWatchTableStorage</c> or <c>AddSlaWatchMemoryStorage</c>), a policy
/// (<see cref="AddSlaWatchPolicy"/>) and an <see cref="INotifier"/> for the scanner. Every service is a singleton: the
/// scanner keeps its early-warning reads for the day, the board shares a read among its screens, and the rest hold
/// nothing between calls.
/// </summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddSlaWatchCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(PolicyArchive.Empty);
        services.TryAddSingleton(provider => provider.GetRequiredService<SlaPolicy>().Tuning.Anomaly);
        services.TryAddSingleton(provider => provider.GetRequiredService<SlaPolicy>().Channels);
        services.TryAddSingleton(provider => new ScanOptions
        {
            DigestThreshold = provider.GetRequiredService<SlaPolicy>().Tuning.DigestThreshold,
        });
        services.TryAddSingleton(new BoardOptions());
        services.TryAddSingleton(new WorkbenchOptions());
        services.TryAddSingleton(AlertOptions.Local);

        services.AddSingleton<Classifier>();
        services.AddSingleton<TicketWriter>();
        services.AddSingleton<HeldTicketWriter>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<TicketEventService>();
        services.AddSingleton<FollowedContactIngestion>();
        services.AddSingleton<InputLineIngester>();
        services.AddSingleton<InputLinesImport>();
        services.AddSingleton<QuarantineRetry>();
        services.AddSingleton<Backlog>();
        services.AddSingleton<WorkbenchActions>();
        services.AddSingleton<WorkbenchQueues>();
        services.AddSingleton<PeriodViews>();
        services.AddSingleton<TicketExporter>();
        services.AddSingleton<WhatIf.HistoryWhatIf>();
        services.AddSingleton<DrillDown>();
        services.AddSingleton<CoachingCards>();
        services.AddSingleton<MonthlyReviews>();
        services.AddSingleton<NightlyReport>();
        services.AddSingleton<Staffing.StaffingPlanner>();
        // The routes (IAlertRoute) come from the host's settings; with none, alerts reach no one and say so.
        services.TryAddSingleton<AlertDelivery>();
        services.AddSingleton<DutyNotifier>();
        services.AddSingleton<DutySummaries>();
        services.AddSingleton(provider => new ReportService(
            provider.GetRequiredService<ITicketStore>(),
            provider.GetRequiredService<ITicketIndex>(),
            provider.GetRequiredService<IAggregateStore>(),
            provider.GetRequiredService<SlaPolicy>(),
            provider.GetRequiredService<TimeProvider>()
        )
        {
            Archive = provider.GetRequiredService<PolicyArchive>(),
        });
        services.AddSingleton(provider => new AnomalyDetector(
            provider.GetRequiredService<ITicketIndex>(),
            provider.GetRequiredService<INotificationLedger>(),
            provider.GetRequiredService<SlaPolicy>().TimeZone,
            provider.GetRequiredService<AnomalyOptions>()
        ));
        services.AddSingleton(provider => new SlaScanner(
            provider.GetRequiredService<ITicketStore>(),
            provider.GetRequiredService<ITicketIndex>(),
            provider.GetRequiredService<TicketWriter>(),
            provider.GetRequiredService<INotificationLedger>(),
            provider.GetRequiredService<INotifier>(),
            provider.GetRequiredService<ICheckpointStore>(),
            provider.GetRequiredService<ScanOptions>(),
            provider.GetRequiredService<AnomalyDetector>()
        ));
        services.AddSingleton(provider => new SlaBoard(
            provider.GetRequiredService<Backlog>(),
            provider.GetRequiredService<ReportService>(),
            provider.GetRequiredService<AnomalyDetector>(),
            provider.GetRequiredService<IUndeliveredAlerts>(),
            provider.GetRequiredService<SlaPolicy>(),
            provider.GetRequiredService<TimeProvider>()
        )
        {
            RefreshSeconds = provider.GetRequiredService<BoardOptions>().RefreshSeconds,
        });
        return services;
    }

    /// <summary>The policy, the classification rules and the earlier policy versions every service reads.</summary>
    public static IServiceCollection AddSlaWatchPolicy(
        this IServiceCollection services,
        SlaPolicy policy,
        ClassificationRules rules,
        PolicyArchive? archive = null
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(policy);
        services.AddSingleton(rules);
        services.AddSingleton(archive ?? PolicyArchive.Empty);
        return services;
    }

    /// <summary>
    /// Wraps the last registration of <typeparamref name="TService"/> in <paramref name="decorate"/>, keeping its
    /// lifetime: cross-cutting work (metering, caching) without touching the implementation or its callers.
    /// </summary>
    public static IServiceCollection Decorate<TService>(
        this IServiceCollection services,
        Func<TService, IServiceProvider, TService> decorate
    )
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decorate);
        var inner = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"{typeof(TService).Name} is not registered: nothing to decorate");
        services.Remove(inner);
        services.Add(
            ServiceDescriptor.Describe(
                typeof(TService),
                provider => decorate((TService)Create(provider, inner), provider),
                inner.Lifetime
            )
        );
        return services;
    }

    private static object Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
