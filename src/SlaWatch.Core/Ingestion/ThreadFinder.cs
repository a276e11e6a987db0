using System.Text.RegularExpressions;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Finds the ticket a message belongs to: by the messages it references (In-Reply-To first; ours included), then by a
/// <c>[#yyyyMMdd-NNN]</c> ticket number in its subject.
/// </summary>
public sealed partial class ThreadFinder(ITicketStore store, ITicketIndex index)
{
    private const int MaxReferencesFollowed = 10;

    /// <param name="load">How a ticket is read (a bulk run's reads its held tickets written first); else the
    /// store's.</param>
    public async Task<string?> FindAsync(
        Channel channel,
        IReadOnlyList<string> references,
        string? subject,
        Func<string, CancellationToken, ValueTask<StoredTicket?>>? load = null,
        CancellationToken cancellationToken = default
    )
    {
        foreach (
            var reference in references
                .Where(reference => !string.IsNullOrWhiteSpace(reference))
                .Distinct()
                .Take(MaxReferencesFollowed)
        )
        {
            var indexed = await index.FindBySourceAsync(channel, reference, cancellationToken).ConfigureAwait(false);
            if (indexed is not null)
            {
                return indexed;
            }

            var created = TicketIds.ForSource(channel, reference);
            var ticket = load is null
                ? await store.LoadAsync(created, cancellationToken).ConfigureAwait(false)
                : await load(created, cancellationToken).ConfigureAwait(false);
            if (ticket is not null)
            {
                return created;
            }
        }

        if (
            subject is not null
            && NumberInSubject().Match(subject) is { Success: true } match
            && TicketNumber.TryParse(match.Groups[1].Value, out var number)
        )
        {
            return await index.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Whether a subject names a ticket by its number (<c>[#yyyyMMdd-NNN]</c>).</summary>
    public static bool NamesNumber(string? subject) => subject is not null && NumberInSubject().IsMatch(subject);

    [GeneratedRegex(@"\[#(\d{8}-\d{3,9})\]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberInSubject();
}
