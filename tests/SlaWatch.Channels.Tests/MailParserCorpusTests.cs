using SlaWatch.Channels.Email;

namespace SlaWatch.Channels.Tests;

public class MailParserCorpusTests
{
    public static TheoryData<string> AllMessages() =>
        new(Corpus.RealMessages().Concat(Directory.EnumerateFiles(Corpus.Own("mail"))).Select(Path.GetFullPath));

    [Fact]
    public void TheCorpusHoldsAtLeastThirtyVariedMessages() =>
        Assert.True(Corpus.RealMessages().Count() + Directory.EnumerateFiles(Corpus.Own("mail")).Count() >= 30);

    [Theory]
    [MemberData(nameof(AllMessages))]
    public void EveryMessageNormalisesAndItsIdAndPlainSubjectAreTheHeadersOwn(string file)
    {
        var raw = File.ReadAllBytes(file);
        var mail = MailParser.Parse(raw);
        var headers = RawHeaders.Of(raw);

        // The id is the Message-ID header's, read here by a plain scan of the raw header block; without one, a hash
        // of the raw bytes (computed here too).
        if (
            headers.TryGetValue("message-id", out var id)
            && System.Text.RegularExpressions.Regex.Match(id, "<([^<>\\s]+)>") is { Success: true } bracketed
        )
        {
            Assert.Equal(bracketed.Groups[1].Value, mail.MessageId);
        }
        else if (!headers.ContainsKey("message-id"))
        {
            Assert.Equal(
                "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw)),
                mail.SourceId
            );
        }

        // A subject in plain ASCII, with no encoded word, comes out as written (folding whitespace made one space).
        if (
            headers.TryGetValue("subject", out var subject)
            && subject.All(char.IsAscii)
            && !subject.Contains("=?", StringComparison.Ordinal)
        )
        {
            Assert.Equal(System.Text.RegularExpressions.Regex.Replace(subject, "\\s+", " ").Trim(), mail.Subject);
        }

        Assert.True(mail.Excerpt.Length <= 1000);
    }

    /// <summary>The first occurrence of each header of a raw message, unfolded: an oracle apart from the
    /// parser.</summary>
    private static class RawHeaders
    {
        public static Dictionary<string, string> Of(byte[] raw)
        {
            var text = System.Text.Encoding.Latin1.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            var block = System.Text.RegularExpressions.Regex.Replace(end < 0 ? text : text[..end], "\n[ \t]+", " ");
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in block.Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && !line[..colon].Contains(' ', StringComparison.Ordinal))
                {
                    headers.TryAdd(line[..colon].ToLowerInvariant(), line[(colon + 1)..].Trim());
                }
            }

            return headers;
        }
    }

    // Values the source test suites assert (tests/corpus/eml/EXPECTED.md); path relative to the corpus's eml/.
    [Theory]
    [InlineData("Webklex__php-imap/tests/messages/simple_multipart.eml", "test", "from@there.com", "MyPlain")]
    [InlineData("Webklex__php-imap/tests/messages/plain_only.eml", "Nuu", "from@there.com", "Hi")]
    [InlineData("Webklex__php-imap/tests/messages/html_only.eml", "Nuu", "from@there.com", "Hi")]
    [InlineData("Webklex__php-imap/tests/messages/gbk_charset.eml", "Nuu", "from@there.com", "Hi")]
    [InlineData("Webklex__php-imap/tests/messages/references.eml", "", null, "Hi\nHow are you?")]
    [InlineData(
        "Webklex__php-imap/tests/messages/ks_c_5601-1987_headers.eml",
        "RE: 회원님께 Ersi님이 메시지를 보냈습니다.",
        "from@there.com",
        "Content"
    )]
    [InlineData(
        "Webklex__php-imap/tests/messages/mixed_filename.eml",
        "Свежий прайс-лист",
        "support@part-kom.ru",
        null
    )]
    [InlineData(
        "Webklex__php-imap/tests/messages/embedded_email.eml",
        "embedded message",
        "demo@cerstor.cz",
        "email that contains embedded message"
    )]
    [InlineData(
        "Webklex__php-imap/tests/messages/multipart_without_body.eml",
        "This mail will not contain a body",
        "from@example.com",
        "This mail will not contain a body"
    )]
    [InlineData("mikel__mail/spec/fixtures/emails/rfc2822/example01.eml", "Saying Hello", "jdoe@machine.example", null)]
    [InlineData("mikel__mail/spec/fixtures/emails/multi_charset/japanese_iso_2022.eml", null, null, "すみません。")]
    [InlineData("mikel__mail/spec/fixtures/emails/multi_charset/ks_c_5601-1987.eml", null, null, "스티해")]
    [InlineData(
        "jstedfast__MimeKit/UnitTests/TestData/messages/japanese.txt",
        "日本語メールテスト (testing Japanese emails)",
        null,
        null
    )]
    [InlineData(
        "demisto__parse-emails/parse_emails/tests/test_data/chinese_gb2312_encoding.eml",
        null,
        null,
        "你好，我是程序员，很高兴认识你"
    )]
    [InlineData(
        "demisto__parse-emails/parse_emails/tests/test_data/chinese_gbk_encoding.eml",
        null,
        null,
        "你好，中国"
    )]
    [InlineData("demisto__parse-emails/parse_emails/tests/test_data/chinese_big5_encoding.eml", null, null, "圖形碼")]
    [InlineData(
        "demisto__parse-emails/parse_emails/tests/test_data/chinese_iso_2022_jp_encoding.eml",
        null,
        null,
        "中文字"
    )]
    [InlineData(
        "stalwartlabs__mail-parser/resources/eml/legacy/001.eml",
        "Die Hasen und die Frösche (Microsoft Outlook 00)",
        "doug@example.com",
        null
    )]
    [InlineData("stalwartlabs__mail-parser/resources/eml/thirdparty/010.eml", "こんにちは", null, "人権の無視及")]
    [InlineData(
        "stalwartlabs__mail-parser/resources/eml/thirdparty/014.eml",
        "[Shapelib] need some help",
        "calpas2007@yahoo.fr",
        null
    )]
    public void KnownMessagesGiveTheirStatedValues(string file, string? subject, string? from, string? textStart)
    {
        var mail = MailParser.Parse(File.ReadAllBytes(Corpus.Real("eml", file)));
        if (subject is not null)
        {
            Assert.Equal(subject, mail.Subject);
        }

        if (from is not null)
        {
            Assert.Equal(from, mail.FromAddress);
        }

        if (textStart is not null)
        {
            Assert.StartsWith(textStart, mail.Excerpt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ThreadingHeadersAreRead()
    {
        var reply = MailParser.Parse(
            File.ReadAllBytes(Corpus.Real("eml", "mikel__mail/spec/fixtures/emails/rfc2822/example07.eml"))
        );
        Assert.Equal("abcd.1234@local.machine.tld", reply.MessageId);
        Assert.Equal("3456@example.net", reply.InReplyTo);
        Assert.Equal(["1234@local.machine.example", "3456@example.net"], reply.References);
        Assert.Equal(["3456@example.net", "1234@local.machine.example"], reply.ThreadReferences);
        Assert.Equal(new DateTimeOffset(1997, 11, 21, 11, 0, 0, TimeSpan.FromHours(-6)), reply.DateHeader);
    }

    [Fact]
    public void AttachmentsAreListedWithNameTypeAndSize()
    {
        var mail = MailParser.Parse(
            File.ReadAllBytes(Corpus.Real("eml", "Webklex__php-imap/tests/messages/structured_with_attachment.eml"))
        );
        Assert.Equal(new MailAttachment("MyFile.txt", "text/plain", 13), Assert.Single(mail.Attachments));
        var encoded = MailParser.Parse(
            File.ReadAllBytes(Corpus.Real("eml", "Webklex__php-imap/tests/messages/attachment_encoded_filename.eml"))
        );
        Assert.Equal("Prostřeno_2014_poslední volné termíny.xls", Assert.Single(encoded.Attachments).Name);
        var nested = MailParser.Parse(
            File.ReadAllBytes(Corpus.Real("eml", "Webklex__php-imap/tests/messages/embedded_email.eml"))
        );
        Assert.Equal("message/rfc822", Assert.Single(nested.Attachments).ContentType);
    }

    [Fact]
    public void ABounceIsRecognisedAsAutomatic()
    {
        var bounce = MailParser.Parse(
            File.ReadAllBytes(Corpus.Real("eml", "Webklex__php-imap/tests/messages/example_bounce.eml"))
        );
        Assert.True(bounce.IsAutomatic);
        var person = MailParser.Parse(
            File.ReadAllBytes(Corpus.Real("eml", "Webklex__php-imap/tests/messages/plain_only.eml"))
        );
        Assert.False(person.IsAutomatic);
    }
}
