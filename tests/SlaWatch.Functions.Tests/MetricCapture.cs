using System.Diagnostics.Metrics;

namespace SlaWatch.Functions.Tests;

/// <summary>What one instrument of one meter recorded while this lived: each value with its tags.</summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener;
    private readonly List<(double Value, IReadOnlyDictionary<string, string> Tags)> _recorded = [];

    public MetricCapture(Meter meter, string instrument)
    {
        // The meter is read before the listener starts: publishing an instrument while starting deadlocks.
        _listener = new MeterListener
        {
            InstrumentPublished = (published, self) =>
            {
                if (ReferenceEquals(published.Meter, meter) && published.Name == instrument)
                {
                    self.EnableMeasurementEvents(published);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Add(value, tags));
        _listener.Start();
    }

    public IReadOnlyList<(double Value, IReadOnlyDictionary<string, string> Tags)> Recorded
    {
        get
        {
            lock (_recorded)
            {
                return [.. _recorded];
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, tag) in tags)
        {
            named[key] = Convert.ToString(tag, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        lock (_recorded)
        {
            _recorded.Add((value, named));
        }
    }
}
