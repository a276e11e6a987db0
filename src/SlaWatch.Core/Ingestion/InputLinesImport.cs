using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Ingestion;

/// <summary>A line of an ingest file with where it came from (<c>file:line</c>).</summary>
public sealed record IngestInput(BoundedLine Line, string Origin);

/// <summary>
/// An ingest file's lines a window at a time: the window's chains (<see cref="InputChains"/>) side by side, each in
/// file order; a contact created with the later events naming its ticket in one write; the new tickets held and
/// written many at a time with their day entries (<see cref="HeldWrites"/>), at the latest at the window's end. Each
/// line becomes what it becomes ingested alone (<see cref="InputLineIngester"/>): refused ones are kept in quarantine
/// as their own line.
/// </summary>
public sealed class InputLinesImport(
    InputLineIngester lines,
    FollowedContactIngestion followed,
    IngestionService ingestion,
    SlaPolicy policy
)
{
    /// <summary>Chains taken at once.</summary>
    public const int Parallelism = 8;

    /// <summary>Lines a window holds at most; with <see cref="WindowChars"/>, what bounds memory.</summary>
    public const int WindowLines = 4_096;

    /// <summary>Characters a window holds at most (a line holds at most
    /// <see cref="InputLineIngester.MaxLineChars"/>).</summary>
    public const int WindowChars = 16 << 20;

    /// <summary>A file's lines in windows of at most <see cref="WindowLines"/> lines and about
    /// <see cref="WindowChars"/> characters, each line bounded: memory holds a window, whatever the file. Blank lines
    /// are left out (their numbers are kept by the lines after them).</summary>
    public static IEnumerable<IReadOnlyList<IngestInput>> Windows(string path)
    {
        var window = new List<IngestInput>();
        long chars = 0;
        foreach (var line in BoundedLines.Read(path, InputLineIngester.MaxLineChars))
        {
            if (line.IsBlank)
            {
                continue;
            }

            window.Add(new IngestInput(line, string.Create(CultureInfo.InvariantCulture, $"{path}:{line.Number}")));
            chars += line.Text?.Length ?? 0;
            if (window.Count >= WindowLines || chars >= WindowChars)
            {
                yield return window;
                (window, chars) = ([], 0);
            }
        }

        if (window.Count > 0)
        {
            yield return window;
        }
    }

    /// <summary>What each line of <paramref name="window"/> became, in order.</summary>
    public async Task<IReadOnlyList<LineOutcome>> ImportAsync(
        IReadOnlyList<IngestInput> window,
        HeldWrites held,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(window);
        var parsed = new InputLine?[window.Count];
        var outcomes = new LineOutcome?[window.Count];
        for (var i = 0; i < window.Count; i++)
        {
            var (line, origin) = window[i];
            (parsed[i], outcomes[i]) = line.Text is { } text
                ? await lines.ParseAsync(text, origin, cancellationToken: cancellationToken).ConfigureAwait(false)
                : (null, await lines.RefuseTooLongAsync(line, origin, cancellationToken).ConfigureAwait(false));
        }

        var (chains, afterwards) = InputChains.Of(parsed, policy.TimeZone, policy.Channels);
        await Parallel
            .ForEachAsync(
                chains,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (chain, token) =>
                {
                    foreach (var step in chain)
                    {
                        await TakeAsync(step, window, parsed, outcomes, held, token).ConfigureAwait(false);
                    }
                }
            )
            .ConfigureAwait(false);
        // The window's outcomes wait for its held tickets; a ticket is found by its number in its day's list.
        await ingestion.FlushAsync(held, cancellationToken).ConfigureAwait(false);
        await held.SettledAsync().ConfigureAwait(false);

        foreach (var i in afterwards)
        {
            outcomes[i] = await AloneAsync(i, window, parsed, cancellationToken).ConfigureAwait(false);
        }

        return outcomes!;
    }

    /// <summary>Writes the tickets still held: on a run's way out when stopped.</summary>
    public Task FinishAsync(HeldWrites held) => ingestion.FlushAsync(held, CancellationToken.None);

    private async Task TakeAsync(
        InputStep step,
        IReadOnlyList<IngestInput> window,
        InputLine?[] parsed,
        LineOutcome?[] outcomes,
        HeldWrites held,
        CancellationToken cancellationToken
    )
    {
        if (parsed[step.Line] is not ContactLine { Contact: var contact })
        {
            outcomes[step.Line] = await AloneAsync(step.Line, window, parsed, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (line, origin) = window[step.Line];
        EventInput[] followUps =
        [
            .. step.FollowUps.Select(k => new EventInput(
                ((EventLine)parsed[k]!).Event,
                window[k].Origin,
                Text(window[k])
            )),
        ];
        var landing = await followed
            .HoldAsync(contact, followUps, origin, line.Text, held, cancellationToken)
            .ConfigureAwait(false);
        await held.AfterAsync(landing, taken => SettleAsync(step, taken, window, parsed, outcomes, cancellationToken))
            .ConfigureAwait(false);
    }

    /// <summary>The contact's line and its events' lines, once its outcome is in.</summary>
    private async Task SettleAsync(
        InputStep step,
        (IngestResult Contact, IReadOnlyList<RecordResult> Events) taken,
        IReadOnlyList<IngestInput> window,
        InputLine?[] parsed,
        LineOutcome?[] outcomes,
        CancellationToken cancellationToken
    )
    {
        var (ingested, recorded) = taken;
        outcomes[step.Line] = LineOutcome.From(ingested);
        for (var k = 0; k < step.FollowUps.Count; k++)
        {
            // A contact refused, or not made into a ticket, leaves its events to be recorded on their own.
            outcomes[step.FollowUps[k]] =
                k < recorded.Count
                    ? LineOutcome.From(recorded[k])
                    : await AloneAsync(step.FollowUps[k], window, parsed, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<LineOutcome> AloneAsync(
        int index,
        IReadOnlyList<IngestInput> window,
        InputLine?[] parsed,
        CancellationToken cancellationToken
    ) =>
        lines.IngestAsync(
            parsed[index]!,
            Text(window[index]),
            window[index].Origin,
            cancellationToken: cancellationToken
        );

    private static string Text(IngestInput input) => input.Line.Text!;
}
