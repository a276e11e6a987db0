using System.Diagnostics;
using System.Diagnostics.Metrics;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Functions.Telemetry;

/// <summary>
/// The app's custom metrics (meter <c>SlaWatch</c>, exported to Application Insights when its connection string is
/// set): warnings and breaches by channel and priority, first-response minutes, ingestion by channel, quarantined
/// inputs. Tags carry channels and priorities, never contacts.
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

    public SlaMetrics()
    {
        _warnings = _meter.CreateCounter<long>("sla.warnings", description: "Warnings announced");
        _breaches = _meter.CreateCounter<long>("sla.breaches", description: "Breaches announced");
        _firstResponse = _meter.CreateHistogram<double>("ticket.first_response_minutes", unit: "min", description: "Minutes from arrival to the first agent response");
        _ingested = _meter.CreateCounter<long>("ingest.count", description: "Contacts ingested");
        _quarantined = _meter.CreateCounter<long>("ingest.quarantined", description: "Inputs kept in quarantine");
    }

    public void Announced(Announcement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var tags = new TagList { { "channel", announcement.Channel.ToString().ToLowerInvariant() }, { "priority", announcement.Priority.ToString().ToLowerInvariant() }, { "metric", announcement.Metric.ToString() } };
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

    public void FirstResponse(TimeSpan took, string channel) => _firstResponse.Record(took.TotalMinutes, new KeyValuePair<string, object?>("channel", channel));

    public void Ingested(string channel, string outcome) => _ingested.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public void Quarantined(string channel) => _quarantined.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Dispose() => _meter.Dispose();
}
