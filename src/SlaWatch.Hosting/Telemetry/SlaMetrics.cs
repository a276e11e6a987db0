using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Hosting.Telemetry;

/// <summary>
/// The custom metrics (meter <c>SlaWatch</c>; the Functions app exports it to Application Insights): warnings and
/// breaches by channel and priority, first-response minutes by channel, contacts ingested by channel and outcome,
/// quarantined inputs by channel, undelivered alerts, function invocations by function and outcome (the scan's
/// heartbeat and the failure alerts rest on it), and each stored day's first-response and resolution percentiles
/// (the workbook charts them: the exporter sends a histogram's sum and count, not its buckets). Recorded by
/// decorators of the ports and the worker's middleware, so every channel and host counts the same way. Tags carry
/// channels, priorities and function names, never contacts.
/// </summary>
public sealed class SlaMetrics : IDisposable
{
    public const string MeterName = "SlaWatch";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _warnings;
    private readonly Counter<long> _breaches;
    private readonly Histogram<double> _firstResponse;
    private readonly Counter<long> _ingested;
    private readonly Counter<long> _quarantined;
    private readonly Counter<long> _undelivered;
    private readonly Counter<long> _invocations;
    private readonly Gauge<double> _dayMinutes;

    public SlaMetrics()
    {
        _warnings = _meter.CreateCounter<long>("sla.warnings", description: "Warnings announced");
        _breaches = _meter.CreateCounter<long>("sla.breaches", description: "Breaches announced");
        _firstResponse = _meter.CreateHistogram<double>(
            "ticket.first_response_minutes",
            unit: "min",
            description: "Minutes from arrival to the first agent response"
        );
        _ingested = _meter.CreateCounter<long>("ingest.count", description: "Contacts ingested");
        _quarantined = _meter.CreateCounter<long>("ingest.quarantined", description: "Inputs kept in quarantine");
        _undelivered = _meter.CreateCounter<long>("alerts.undelivered", description: "Alerts that reached no one");
        _invocations = _meter.CreateCounter<long>(
            "function.invocations",
            description: "Function invocations finished, by function and outcome"
        );
        _dayMinutes = _meter.CreateGauge<double>(
            "report.day_minutes",
            unit: "min",
            description: "A stored day's first-response and resolution percentiles, by dimension"
        );
    }

    public void Announced(Announcement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var tags = new TagList
        {
            { "channel", announcement.Channel.Key },
            { "priority", announcement.Priority.Key() },
            { "metric", announcement.Metric.ToString() },
        };
        switch (announcement.Kind)
        {
            case "warning":
                _warnings.Add(1, tags);
                break;
            case "breach":
                _breaches.Add(1, tags);
                break;
        }
    }

    /// <summary>This instance's meter (several may share the name, one per host in a test run).</summary>
    public Meter Meter => _meter;

    public void FirstResponse(TimeSpan took, Channel channel) =>
        _firstResponse.Record(took.TotalMinutes, new KeyValuePair<string, object?>("channel", channel.Key));

    public void Ingested(Channel channel, IngestKind kind) =>
        _ingested.Add(
            1,
            new KeyValuePair<string, object?>("channel", channel.Key),
            new KeyValuePair<string, object?>("outcome", kind == IngestKind.Created ? "created" : "threaded")
        );

    /// <summary>An input kept in quarantine; <paramref name="channel"/> is the quarantine's (chat, phone, email,
    /// events, inbound).</summary>
    public void Quarantined(string channel) =>
        _quarantined.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>An alert no route delivered, by its kind (breach, escalation, …) and the role it was for.</summary>
    public void Undelivered(string kind, string role) =>
        _undelivered.Add(
            1,
            new KeyValuePair<string, object?>("kind", kind),
            // An owner's role names the person: the tag keeps only that it was the owner.
            new KeyValuePair<string, object?>(
                "role",
                role.StartsWith("owner:", StringComparison.Ordinal) ? "owner" : role
            )
        );

    /// <summary>An invocation finished: <paramref name="succeeded"/> false when it threw.</summary>
    public void Finished(string function, bool succeeded) =>
        _invocations.Add(
            1,
            new KeyValuePair<string, object?>("function", function),
            new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed")
        );

    /// <summary>A day's aggregates stored: the median and p90 of its first responses and resolutions, for the whole
    /// day and each channel (other dimensions name people or are too many to chart). Weeks are not recorded.</summary>
    public void DayStored(DailyAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.From != aggregate.To)
        {
            return;
        }

        var day = aggregate.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (dimension, figures) in aggregate.Figures)
        {
            if (
                dimension == "all"
                || (dimension.StartsWith("channel:", StringComparison.Ordinal) && !dimension.Contains('|'))
            )
            {
                DayMinutes(day, dimension, "first_response", figures.FirstResponse);
                DayMinutes(day, dimension, "resolution", figures.Resolution);
            }
        }
    }

    private void DayMinutes(string day, string dimension, string measure, Measure minutes)
    {
        foreach (var (quantile, value) in new[] { ("p50", minutes.Median), ("p90", minutes.P90) })
        {
            if (value is { } known)
            {
                _dayMinutes.Record(
                    known,
                    new TagList
                    {
                        { "day", day },
                        { "dimension", dimension },
                        { "measure", measure },
                        { "quantile", quantile },
                    }
                );
            }
        }
    }

    public void Dispose() => _meter.Dispose();
}

/// <summary>A contact that opened a ticket, or one added to an existing ticket.</summary>
public enum IngestKind
{
    Created,
    Threaded,
}
