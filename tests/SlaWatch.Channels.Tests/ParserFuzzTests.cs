using System.Diagnostics;
using System.Text;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Email;
using SlaWatch.Channels.Phone;
using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Ingestion;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// Real inputs mutated by a seeded mutator (<see cref="InputMutator"/>): every parser either accepts each mutant or
/// refuses it with its own reason, never another exception; each mutant is handled within seconds and within memory
/// proportional to its size. Bounded in count (the same mutants every run), so CI spends a few seconds. What the
/// store makes of mutated lines is <c>IngestionFuzzTests</c> (Storage).
/// </summary>
public class ParserFuzzTests
{
    private const int MutantsPerInput = 24;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Receipt = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void MailParsingAcceptsOrRefusesEveryMutant() =>
        Fuzz(
            Directory.EnumerateFiles(Corpus.Own("mail"), "*.eml").Concat(Corpus.RealMessages().Take(40)),
            bytes => PartRefused(MailParser.Parse(bytes)),
            typeof(FormatException)
        );

    [Fact]
    public void ChatBodiesInBothFormatsAreMappedOrRefusedForEveryMutant() =>
        Fuzz(
            Directory.EnumerateFiles(Corpus.Real("chatwoot"), "*.json"),
            bytes => PartRefused(ChatWebhookHandler.Map(ChatFormat.Chatwoot, bytes, Receipt)),
            typeof(ChatFormatException)
        );

    [Fact]
    public void CallRecordsOfEveryLayoutAreReadOrRefusedRowByRowForEveryMutant() =>
        Fuzz(
            Directory.EnumerateFiles(Corpus.Own("calls"), "*.csv"),
            // The reader refuses rows, not files: a mutant with a row error counts as refused.
            bytes => CallLogReader.Read(Encoding.UTF8.GetString(bytes), Shanghai).Errors.Count > 0,
            typeof(FormatException)
        );

    [Fact]
    public void InputLinesAreParsedOrRefusedNamingAFieldForEveryMutant()
    {
        var lines = TestFolders.Create("slawatch-fuzz-").FullName;
        File.WriteAllText(
            Path.Combine(lines, "contact.jsonl"),
            """{"type":"contact","channel":"email","sourceId":"<m1@example.com>","receivedAt":"2026-11-16T09:30:"""
                + """00+08:00","from":"13912341522","subject":"无法登录","references":"""
                + """["<a@x>"],"priority":"urgent","category":"refund"}"""
        );
        File.WriteAllText(
            Path.Combine(lines, "event.jsonl"),
            """{"type":"event","ticket":"20261116-001","kind":"satisfaction","rating":4,"scale":"""
                + """5,"comment":"好","at":"2026-11-16T10:00:00+08:00","actor":"customer"}"""
        );
        Fuzz(
            Directory.EnumerateFiles(lines),
            bytes => PartRefused(InputJson.Parse(Encoding.UTF8.GetString(bytes), Shanghai)),
            typeof(InputException)
        );
    }

    [Fact]
    public void TrackingSheetsAreReadOrRefusedForEveryMutant()
    {
        var folder = TestFolders.Create("slawatch-fuzz-").FullName;
        var sheet = Path.Combine(folder, "sheet.csv");
        Fuzz(
            Directory.EnumerateFiles(Corpus.Own("sheets"), "*.csv"),
            bytes =>
            {
                File.WriteAllBytes(sheet, bytes);
                return SpreadsheetReader.Read(sheet).Rows.Count == 0;
            },
            typeof(FormatException)
        );
    }

    /// <summary>For a parser that refuses by throwing: had it returned nothing, that would be a refusal.</summary>
    private static bool PartRefused(object parsed) => parsed is null;

    /// <param name="parse">Parses a mutant; true when it refused part of it (a row) without throwing.</param>
    private static void Fuzz(IEnumerable<string> seeds, Func<byte[], bool> parse, params Type[] refusals)
    {
        var random = new Random(20261130);
        var files = seeds.ToArray();
        Assert.NotEmpty(files);
        var (accepted, refused) = (0, 0);
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            for (var i = 0; i < MutantsPerInput; i++)
            {
                var mutant = InputMutator.Mutate(original, random);
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                try
                {
                    if (parse(mutant))
                    {
                        refused++;
                    }
                    else
                    {
                        accepted++;
                    }
                }
                catch (Exception error) when (refusals.Any(type => type.IsInstanceOfType(error)))
                {
                    // A refusal says why.
                    Assert.False(string.IsNullOrWhiteSpace(error.Message), $"{Path.GetFileName(file)} mutant {i}");
                    refused++;
                }
                catch (Exception error)
                {
                    Assert.Fail(
                        $"{Path.GetFileName(file)} mutant {i} ({mutant.Length} bytes): {error.GetType().Name}: "
                            + $"{error.Message}"
                    );
                }

                Assert.True(
                    watch.Elapsed < TimeSpan.FromSeconds(5),
                    $"{Path.GetFileName(file)} mutant {i} took {watch.Elapsed}"
                );
                var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
                Assert.True(
                    used < (256L * mutant.Length) + (32L << 20),
                    $"{Path.GetFileName(file)} mutant {i} allocated {used} bytes for {mutant.Length}"
                );
            }
        }

        // The mutator must reach both sides, or it tests nothing.
        Assert.True(accepted > 0 && refused > 0, $"accepted {accepted}, refused {refused}");
    }
}
