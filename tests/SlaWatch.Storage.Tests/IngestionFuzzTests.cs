using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>
/// Lines of the <c>ingest</c> format, a third of them mutated by the seeded <see cref="InputMutator"/>, through the
/// one write path onto Table Storage (where a mutated source id becomes a key): every line ends in a ticket or in the
/// quarantine with its reason, never both and never lost, every untouched line is stored, and the counts agree with
/// what the tables hold.
/// </summary>
[Collection(AzuriteTests.Name)]
public class IngestionFuzzTests(AzuriteFixture azurite)
{
    private const int Lines = 240;

    // Chinese as a customer's file has it, not \u-escaped: the mutator then cuts through multi-byte characters.
    private static readonly JsonSerializerOptions Unescaped = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task EveryLineEndsInATicketOrInTheQuarantineWithItsReasonAndTheCountsAgree()
    {
        await using var world = new TestWorld(azurite.ConnectionString, TestWorld.Shanghai("2026-11-20 09:00"));
        var ingester = world.Main.Get<InputLineIngester>();
        var random = new Random(20261204);
        var results = new List<(int Index, string Line, bool Mutated, LineOutcome Outcome)>();

        for (var i = 0; i < Lines; i++)
        {
            var mutated = i % 3 == 1;
            var line = mutated ? Mutated(Line(i), random) : Line(i);
            if (string.IsNullOrWhiteSpace(line))
            {
                // The file reader skips a blank line before the ingester sees it.
                continue;
            }

            var origin = string.Create(CultureInfo.InvariantCulture, $"fuzz.jsonl:{i + 1}");
            results.Add((i, line, mutated, await ingester.IngestAsync(line, origin)));
        }

        var stored = results.Where(result => !result.Outcome.Rejected).ToArray();
        var refused = results.Where(result => result.Outcome.Rejected).ToArray();

        // Untouched lines are all stored, as what they are; the mutator reached both sides.
        Assert.All(results.Where(result => !result.Mutated), result =>
            Assert.Equal(IsContact(result.Index) ? "created" : "recorded", result.Outcome.Word)
        );
        Assert.Contains(refused, result => result.Mutated);
        Assert.Contains(stored, result => result.Mutated);

        // A stored line names its ticket, and the ticket is in the tables.
        foreach (var (index, line, _, outcome) in stored)
        {
            Assert.True(outcome.TicketId is not null, $"line {index + 1} stored without a ticket: {line}");
            Assert.NotNull(await world.Main.Store.LoadAsync(outcome.TicketId!));
        }

        // A refused line is kept once, as it came, with the reason it was given.
        foreach (var (index, line, _, outcome) in refused)
        {
            Assert.True(outcome.QuarantineId is not null, $"line {index + 1} refused and not kept: {outcome.Reason}");
            var kept = await world.Main.Quarantine.GetAsync(outcome.QuarantineId!);
            Assert.NotNull(kept);
            Assert.Equal((line, outcome.Reason), (kept.Raw, kept.Reason));
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"fuzz.jsonl:{index + 1}"), kept.Origin);
        }

        // Counts: the quarantine holds the refused lines and nothing else; the tickets made are the contacts stored.
        var day = new DateOnly(2026, 11, 20);
        var quarantined = (await world.Main.Quarantine.ListAsync(InputLineIngester.QuarantineChannel, day))
            .Concat(await world.Main.Quarantine.ListAsync(TicketEventService.QuarantineChannel, day))
            .Select(input => input.Id)
            .ToHashSet();
        Assert.Equal(refused.Select(result => result.Outcome.QuarantineId).ToHashSet(), quarantined);
        Assert.Equal(results.Count, stored.Length + refused.Length);
        // Each ticket made is new, and every stored line landed on a ticket a line made: none stored elsewhere.
        var created = stored
            .Where(result => result.Outcome.Word == "created")
            .Select(result => result.Outcome.TicketId);
        Assert.Equal(created.Count(), created.Distinct().Count());
        Assert.Subset(created.ToHashSet(), stored.Select(result => result.Outcome.TicketId).ToHashSet());
    }

    private static string Mutated(string line, Random random) =>
        Encoding.UTF8.GetString(InputMutator.Mutate(Encoding.UTF8.GetBytes(line), random));

    private static bool IsContact(int index) => index % 6 is not (3 or 4);

    /// <summary>Contacts, and replies (lines 4 and 5 of every 6) to the contact of their group, which is never
    /// mutated: a mutated reply still names a ticket that exists unless the mutation hit its name.</summary>
    private static string Line(int index)
    {
        var arrival = TestWorld.Shanghai("2026-11-16 08:00").AddMinutes(7 * index);
        var line = IsContact(index)
            ? new JsonObject
            {
                ["type"] = "contact",
                ["channel"] = "email",
                ["sourceId"] = $"<f{index}@example.com>",
                ["receivedAt"] = arrival,
                ["from"] = "1391234" + index.ToString("D4", CultureInfo.InvariantCulture),
                ["subject"] = $"无法登录 {index}",
            }
            : new JsonObject
            {
                ["type"] = "event",
                ["ticket"] = $"source:email:<f{index - (index % 6)}@example.com>",
                ["kind"] = "agentResponse",
                ["at"] = arrival.AddMinutes(10),
                ["actor"] = "客服A",
                ["sourceId"] = $"r{index}",
            };
        return line.ToJsonString(Unescaped);
    }
}
