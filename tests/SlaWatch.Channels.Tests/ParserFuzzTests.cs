using System.Diagnostics;
using System.Text;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Email;
using SlaWatch.Channels.Phone;
using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Ingestion;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// Real inputs mutated by a seeded mutator (bits flipped, cut short, bytes inserted, a stretch repeated or blanked,
/// brackets nested deep): every parser either accepts each mutant or refuses it with its own reason, never another
/// exception; each mutant is handled within seconds and within memory proportional to its size. Bounded in count
/// (the same mutants every run), so CI spends a few seconds.
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
        var lines = Directory.CreateTempSubdirectory("slawatch-fuzz-").FullName;
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
        var folder = Directory.CreateTempSubdirectory("slawatch-fuzz-").FullName;
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
                var mutant = Mutate(original, random);
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

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var rounds = random.Next(1, 4);
        for (var round = 0; round < rounds && bytes.Count > 0; round++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 512), bytes.Count - at);
                    var stretch = bytes.GetRange(at, length);
                    for (var copy = random.Next(1, 20); copy > 0; copy--)
                    {
                        bytes.InsertRange(at, stretch);
                    }

                    break;
                case 4:
                    for (var j = at; j < Math.Min(bytes.Count, at + random.Next(1, 64)); j++)
                    {
                        bytes[j] = random.Next(2) == 0 ? (byte)0 : (byte)0xFF;
                    }

                    break;
                default:
                    // Deep nesting: what breaks recursive parsers.
                    var depth = random.Next(10, 2_000);
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('[', depth) + new string('{', depth)));
                    break;
            }
        }

        return [.. bytes];
    }
}
