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
                    : added => added.AddAnnouncementLines(lines.Add, result.GetValue(lang) == "zh-CN");
                await using var services = store.Compose(result, notifier);
                var scanner = services.Get<SlaScanner>();
                var report = await scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
                foreach (var warning in report.CalendarWarnings)
                {
                    output.Warn(warning.Text(result.GetValue(lang) == "zh-CN"));
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
                var announced =
                    report.Announcements.Count == 0
                        ? "nothing"
                        : string.Join(
                            ", ",
                            report.Announcements.Select(pair => FormattableString.Invariant($"{pair.Value} {pair.Key}"))
                        );
                output.Out.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"scanned buckets {report.FromBucket}..{report.ToBucket}: {report.EntriesRead} due entries, "
                            + $"{report.TicketsLoaded} tickets, {report.ClocksRecomputed} clocks; announced {announced}"
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
