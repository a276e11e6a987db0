using SlaWatch.Channels.Email;

namespace SlaWatch.Channels.Tests;

/// <summary>Alone, after the parallel tests: a collection counts what every thread left for the finalizer.</summary>
[CollectionDefinition(nameof(MailParserFinalizationTests), DisableParallelization = true)]
public sealed class FinalizerCountingRunsAlone;

[Collection(nameof(MailParserFinalizationTests))]
public class MailParserFinalizationTests
{
    private const int Mails = 50;

    // MimeKit's messages, parts and contents have finalizers: a parsed message left to them keeps itself and the mail's
    // bytes alive past the next collection, for every mail a poll or a replay reads. A collection after each mail
    // counts what that mail left.
    [Fact]
    public void AParsedMailLeavesNothingForTheFinalizer()
    {
        var raw = File.ReadAllBytes(Corpus.Own("mail", "gb2312-subject.eml"));
        // The first parses make what lives on (the parser's options, charsets, the host's own first collections).
        for (var i = 0; i < 3; i++)
        {
            MailParser.Parse(raw);
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var subjects = new HashSet<string>(StringComparer.Ordinal);
        long pending = 0;
        for (var i = 0; i < Mails; i++)
        {
            subjects.Add(MailParser.Parse(raw).Subject);
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            pending += GC.GetGCMemoryInfo(GCKind.Any).FinalizationPendingCount;
        }

        Assert.Equal(["无法登录，请帮忙"], subjects);
        // Left undisposed, each mail leaves a message, a text part and its content: about 150 for 50 mails. Disposed,
        // the test host's own threads leave a few (2 every ninth collection or so).
        Assert.InRange(pending, 0, Mails / 2);
    }
}
