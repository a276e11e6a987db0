using System.Runtime.CompilerServices;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;

namespace SlaWatch.Channels.Phone;

/// <summary>One step of a call log's import: a bad row kept, or a call ingested.</summary>
public abstract record CallImportStep;

public sealed record CallRowRefused(KeptCallRow Row) : CallImportStep;

/// <summary>A call and what became of it; <paramref name="MetRingTarget"/> as <see
/// cref="CallIngester.MetRingTarget(CallRecord)"/>.</summary>
public sealed record CallImported(CallRecord Call, IngestResult Outcome, bool? MetRingTarget) : CallImportStep;

/// <summary>
/// A call log into tickets in this process (the command line; the app queues each call instead, see
/// <c>CallLogIntake</c>): its bad rows kept first, then each call ingested, step by step as it happens.
/// </summary>
public sealed class CallLogImport(CallRowRefusals refusals, CallIngester ingester, SlaPolicy policy)
{
    public async IAsyncEnumerable<CallImportStep> RunAsync(
        string text,
        string source,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        var (calls, errors) = CallLogReader.Read(text, policy.TimeZone);
        foreach (var row in await refusals.KeepAsync(errors, source, cancellationToken).ConfigureAwait(false))
        {
            yield return new CallRowRefused(row);
        }

        foreach (var call in calls)
        {
            var outcome = await ingester
                .IngestAsync(call, $"{source}: call {call.CallId}", call.ToString(), cancellationToken)
                .ConfigureAwait(false);
            yield return new CallImported(call, outcome, ingester.MetRingTarget(call));
        }
    }
}
