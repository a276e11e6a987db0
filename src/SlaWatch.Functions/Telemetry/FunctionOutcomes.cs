using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using SlaWatch.Hosting.Telemetry;

namespace SlaWatch.Functions.Telemetry;

/// <summary>
/// Counts every invocation by function and outcome (metric <c>function.invocations</c>). In OpenTelemetry mode the
/// exporter fills <c>requests</c> for HTTP calls only, so the alerts on failures and the scan's heartbeat rest on
/// this count, which every trigger kind reaches.
/// </summary>
public sealed class FunctionOutcomes(SlaMetrics metrics) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var name = context.FunctionDefinition.Name;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            metrics.Finished(name, succeeded: false);
            throw;
        }

        metrics.Finished(name, succeeded: true);
    }
}
