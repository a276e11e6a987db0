using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Ingestion;

/// <summary>What a retry did with one quarantined input: recorded (and removed from the quarantine) or still kept, and
/// why.</summary>
public sealed record RetryResult(string Id, LineOutcome Outcome, bool Removed);

/// <summary>
/// Offers quarantined input again once what it lacked is there: an event whose ticket has since been imported, a line
/// whose category has since been configured. What a retry records leaves the quarantine; what is still refused stays
/// as it was (nothing is kept twice). Input a channel must re-send itself (mail, chat bodies, call records, sheet
/// rows: their source keeps them and their readers are idempotent) is named, not touched.
/// </summary>
public sealed class QuarantineRetry(InputLineIngester lines, TicketEventService events, IQuarantine quarantine)
{
    /// <summary>Every input kept for a channel on a UTC day, oldest first (the order it arrived in).</summary>
    public async Task<IReadOnlyList<RetryResult>> RetryAsync(
        string channel,
        DateOnly day,
        CancellationToken cancellationToken = default
    )
    {
        var kept = await quarantine.ListAsync(channel, day, cancellationToken).ConfigureAwait(false);
        var results = new List<RetryResult>(kept.Count);
        foreach (var input in kept.Reverse())
        {
            results.Add(await RetryAsync(input, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>One input by its quarantine id; null when there is none.</summary>
    public async Task<RetryResult?> RetryAsync(string id, CancellationToken cancellationToken = default)
    {
        return await quarantine.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } input
            ? await RetryAsync(input, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Whether a retry can offer this input again from the quarantine alone.</summary>
    public static bool CanRetry(QuarantinedInput input) => NotRetried(input) is null;

    /// <summary>Why a retry leaves this input where it is; null when it can offer it again from the
    /// quarantine.</summary>
    public static string? NotRetried(QuarantinedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input switch
        {
            { Pending: not null } => null,
            { Raw: QuarantinedInput.LineNotKeptText } => "the line was too long to keep: send it again from its file",
            { Channel: InputLineIngester.QuarantineChannel } => null,
            _ => $"{input.Channel} input is offered again by its source, not from the quarantine",
        };
    }

    private async Task<RetryResult> RetryAsync(QuarantinedInput input, CancellationToken cancellationToken)
    {
        var origin = $"retry of {input.Origin}";
        var outcome =
            NotRetried(input) is { } why ? new LineOutcome("kept", null, null, why)
            : input.Pending is { } pending
                ? LineOutcome.From(
                    await events
                        .OfferAgainAsync(pending.Ticket, pending.Event, origin, cancellationToken)
                        .ConfigureAwait(false)
                )
            : await lines.IngestAsync(input.Raw, origin, keepRefused: false, cancellationToken).ConfigureAwait(false);
        var removed =
            !outcome.Rejected && await quarantine.RemoveAsync(input.Id!, cancellationToken).ConfigureAwait(false);
        return new RetryResult(input.Id!, outcome with { QuarantineId = input.Id }, removed);
    }
}
