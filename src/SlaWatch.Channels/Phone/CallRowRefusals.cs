using System.Globalization;
using SlaWatch.Core.Ports;

namespace SlaWatch.Channels.Phone;

/// <summary>A bad row of a call log kept in quarantine: where it came from, and its quarantine id.</summary>
public sealed record KeptCallRow(CallRowError Error, string Origin, string QuarantineId);

/// <summary>
/// The bad rows of a call log, each kept in quarantine (channel <see cref="QuarantineChannel"/>) as it came, named
/// by its source and line, with its column and problem as the reason: for every way a log comes in.
/// </summary>
public sealed class CallRowRefusals(IQuarantine quarantine, TimeProvider time)
{
    public const string QuarantineChannel = "phone";

    public async Task<IReadOnlyList<KeptCallRow>> KeepAsync(
        IReadOnlyList<CallRowError> errors,
        string source,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(errors);
        var kept = new List<KeptCallRow>(errors.Count);
        foreach (var error in errors)
        {
            var origin = string.Create(CultureInfo.InvariantCulture, $"{source}:{error.Line}");
            var input = new QuarantinedInput(
                QuarantineChannel,
                time.GetUtcNow(),
                origin,
                $"{error.Column}: {error.Problem}",
                error.Raw
            );
            kept.Add(new(error, origin, await quarantine.PutAsync(input, cancellationToken).ConfigureAwait(false)));
        }

        return kept;
    }
}
