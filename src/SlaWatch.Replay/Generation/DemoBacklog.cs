using System.Globalization;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Replay.Generation;

/// <summary>
/// A working day's backlog for a local host to show (<c>slawatch serve</c>): when the store holds no ticket open and
/// none arrived today, contacts from the last hours through the real ingestion (the generator's customers' words,
/// every channel, some urgent), some taken by the sample agents, some answered, a few resolved. Nothing is written
/// when the store already holds work: a team's data is never mixed with the demo's.
/// </summary>
public sealed class DemoBacklog(
    IngestionService ingestion,
    TicketEventService events,
    ITicketIndex index,
    SlaPolicy policy,
    TimeProvider time
)
{
    public const string Origin = "demo";

    /// <summary>Fills the store when it is empty; the number of tickets made (0 when it was not empty).</summary>
    public async Task<int> FillIfEmptyAsync(int tickets, int seed, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = ZoneMapping.LocalDate(policy.TimeZone, now);
        if (
            (await index.ReadOpenAsync(cancellationToken).ConfigureAwait(false)).Count > 0
            || (await index.ReadDayAsync(today, cancellationToken).ConfigureAwait(false)).Count > 0
        )
        {
            return 0;
        }

        var random = new Random(seed);
        var made = 0;
        for (var n = 0; n < tickets; n++)
        {
            // Spread over the last six hours, the oldest first; a third e-mail, a third chat, a third phone.
            var receivedAt = now.AddMinutes(-360.0 * (tickets - n) / tickets).AddSeconds(-random.Next(60));
            var mix = SampleTexts.Categories[random.Next(SampleTexts.Categories.Length)];
            var sample = mix.Samples[random.Next(mix.Samples.Length)];
            var channel = (n % 3) switch
            {
                0 => Channel.Email,
                1 => Channel.Chat,
                _ => Channel.Phone,
            };
            var id = string.Create(CultureInfo.InvariantCulture, $"demo-{now:yyyyMMddHHmm}-{n}");
            var result = await ingestion
                .IngestAsync(
                    new InboundContact
                    {
                        Channel = channel,
                        SourceId = id,
                        ThreadKey = id,
                        ReceivedAt = receivedAt,
                        From =
                            channel == Channel.Email
                                ? string.Create(CultureInfo.InvariantCulture, $"customer{n}@example.cn")
                                : string.Create(CultureInfo.InvariantCulture, $"1380013{n:0000}"),
                        Subject = sample.Subject,
                        Text = sample.Text,
                    },
                    Origin,
                    cancellationToken: cancellationToken
                )
                .ConfigureAwait(false);
            if (result.TicketId is not { } ticket)
            {
                continue;
            }

            made++;
            await WorkAsync(ticket, receivedAt, now, random, cancellationToken).ConfigureAwait(false);
        }

        return made;
    }

    // Half are taken within a quarter of an hour; of those, most answered; a few resolved.
    private async Task WorkAsync(
        string ticket,
        DateTimeOffset receivedAt,
        DateTimeOffset now,
        Random random,
        CancellationToken cancellationToken
    )
    {
        if (random.NextDouble() < 0.5)
        {
            return;
        }

        var agent = SampleTexts.Agents[random.Next(5)];
        var takenAt = Before(receivedAt.AddMinutes(random.Next(2, 15)), now);
        var items = new List<TicketEvent> { new Assigned(takenAt, agent, $"{ticket}:take", agent) };
        if (random.NextDouble() < 0.7)
        {
            var answeredAt = Before(takenAt.AddMinutes(random.Next(1, 40)), now);
            items.Add(
                new AgentResponse(
                    answeredAt,
                    agent,
                    $"{ticket}:reply",
                    SampleTexts.AgentReplies[random.Next(SampleTexts.AgentReplies.Length)]
                )
            );
            if (random.NextDouble() < 0.25)
            {
                items.Add(
                    new StatusChanged(
                        Before(answeredAt.AddMinutes(random.Next(5, 60)), now),
                        agent,
                        $"{ticket}:resolve",
                        TicketStatus.Resolved,
                        SampleTexts.AgentReplies[random.Next(SampleTexts.AgentReplies.Length)]
                    )
                );
            }
        }

        await events.RecordAllAsync(ticket, items, Origin, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset Before(DateTimeOffset at, DateTimeOffset now) => at < now ? at : now.AddSeconds(-1);
}
