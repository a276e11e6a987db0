namespace SlaWatch.Core.Policies;

/// <summary>What an SLA clock measures, from the ticket's arrival (or reopening, for resolution).</summary>
public enum SlaMetric
{
    /// <summary>Until the customer is told the ticket was received: an automatic acknowledgement or any agent
    /// reply.</summary>
    Acknowledgement,

    /// <summary>Until the first agent response (for a call, until it is answered).</summary>
    FirstResponse,

    /// <summary>Until the ticket is resolved; a reopened ticket starts a new cycle.</summary>
    Resolution,

    /// <summary>
    /// Until the resolution time told to the customer (承诺解决时间): set by the promise, not by the policy, in wall
    /// time; the latest promise counts.
    /// </summary>
    PromisedResolution,
}

public static class SlaMetricNames
{
    /// <summary>The metrics a policy sets targets for.</summary>
    public static IReadOnlyCollection<string> Known => ["acknowledgement", "firstResponse", "resolution"];

    public static bool TryParse(string? text, out SlaMetric metric)
    {
        switch (text)
        {
            case "acknowledgement":
                metric = SlaMetric.Acknowledgement;
                return true;
            case "firstResponse":
                metric = SlaMetric.FirstResponse;
                return true;
            case "resolution":
                metric = SlaMetric.Resolution;
                return true;
            case "promisedResolution":
                metric = SlaMetric.PromisedResolution;
                return true;
            default:
                metric = default;
                return false;
        }
    }

    public static string Key(this SlaMetric metric) =>
        metric switch
        {
            SlaMetric.Acknowledgement => "acknowledgement",
            SlaMetric.FirstResponse => "firstResponse",
            SlaMetric.Resolution => "resolution",
            _ => "promisedResolution",
        };
}
