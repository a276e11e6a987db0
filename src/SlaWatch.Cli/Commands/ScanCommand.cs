using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Channels.Notifications;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch scan [--now ISO] [--json]</c>: one run of the breach scanner, announcements to the
/// console.</summary>
internal static class ScanCommand
{
    public const string SecretVariable = "SLAWATCH_NOTIFY_SECRET";

    public static Command Create(CliOutput output)
    {
        var webhook = CommonOptions.Text(
            "--webhook",
            $"POST announcements to this URL, signed with ${SecretVariable} (default: print them).",
            required: false
        );
        var json = CommonOptions.Json();
        var lang = CommonOptions.Lang("en or zh-CN for the announcements printed.");
        var store = new StoreOptions(output, "Scan as of this ISO 8601 instant (default: now).");
        var command = new Command("scan", "Announce every warning, breach and escalation due by now, once.")
        {
            webhook,
            json,
            lang,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var lines = new List<string>();
                Action<IServiceCollection> notifier = result.GetValue(webhook) is { } url
                    ? added => added.AddAnnouncementWebhook(Webhook(url), Secret())
                    : added => added.AddAnnouncementLines(lines.Add, CommonOptions.Chinese(result, lang));
                await using var services = store.Compose(result, notifier);
                var scanner = services.Get<SlaScanner>();
                var report = await scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
                foreach (var warning in report.CalendarWarnings)
                {
                    output.Warn(warning.Text(CommonOptions.Chinese(result, lang)));
                }

                if (result.GetValue(json))
                {
                    output.WriteJson(
                        new
                        {
                            report.FromBucket,
                            report.ToBucket,
                            report.BucketsRead,
                            report.EntriesRead,
                            report.TicketsLoaded,
                            report.ClocksRecomputed,
                            announcements = report.Announcements,
                            report.Notifications,
                            report.Digests,
                            report.DeliveryFailures,
                            warnings = report.CalendarWarnings,
                        }
                    );
                    return;
                }

                lines.ForEach(output.Out.WriteLine);
                var chinese = CommonOptions.Chinese(result, lang);
                var announced =
                    report.Announcements.Count == 0
                        ? (chinese ? "无" : "nothing")
                        : string.Join(
                            chinese ? "，" : ", ",
                            report.Announcements.Select(pair =>
                                chinese
                                    ? FormattableString.Invariant(
                                        $"{Core.Reporting.ReportLabels.KindZh(pair.Key)} {pair.Value} 条"
                                    )
                                    : FormattableString.Invariant($"{pair.Value} {pair.Key}")
                            )
                        );
                var (from, to) = (report.FromBucket, report.ToBucket);
                var (entries, tickets, clocks) = (report.EntriesRead, report.TicketsLoaded, report.ClocksRecomputed);
                output.Out.WriteLine(
                    chinese
                        ? string.Create(
                            CultureInfo.InvariantCulture,
                            $"已扫描时段 {from}..{to}：到期条目 {entries} 条，工单 {tickets} 张，时限 {clocks} 项；通知：{announced}"
                        )
                        : string.Create(
                            CultureInfo.InvariantCulture,
                            $"scanned buckets {from}..{to}: {entries} due entries, {tickets} tickets, {clocks} clocks; "
                                + $"announced {announced}"
                        )
                );
            }
        );
        return command;
    }

    private static Uri Webhook(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new UsageException($"--webhook: '{url}' is not an absolute URL");

    private static string Secret() =>
        Environment.GetEnvironmentVariable(SecretVariable)
        ?? throw new UsageException($"--webhook needs ${SecretVariable} to sign with");
}
