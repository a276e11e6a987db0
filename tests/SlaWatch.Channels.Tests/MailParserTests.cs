using SlaWatch.Channels.Email;

namespace SlaWatch.Channels.Tests;

public class MailParserTests
{
    private static ParsedMail Own(string name) => MailParser.Parse(File.ReadAllBytes(Corpus.Own("mail", name)));

    [Fact]
    public void Gb2312SubjectAndGbkBodyDecode()
    {
        var mail = Own("gb2312-subject.eml");
        Assert.Equal("无法登录，请帮忙", mail.Subject);
        Assert.Equal("张三", mail.FromName);
        Assert.Equal("zhang.san@example.com", mail.FromAddress);
        Assert.StartsWith("你好，我登录时一直报错 500。", mail.Excerpt, StringComparison.Ordinal);
        Assert.Equal("gb-1@example.com", mail.SourceId);
    }

    [Fact]
    public void Big5SubjectDecodes() => Assert.Equal("退款進度查詢", Own("big5-subject.eml").Subject);

    [Fact]
    public void AChineseReplyLosesItsSignatureAndQuotedHistory()
    {
        var mail = Own("quoted-reply-zh.eml");
        Assert.Equal("还是不行，清除缓存也没用。", mail.Excerpt);
        Assert.Equal("20261116-001", mail.TicketNumber);
        Assert.Equal(["ack.20261116-001.x@example.com", "orig@example.com"], mail.ThreadReferences);
    }

    [Fact]
    public void AnEnglishReplyLosesTheFoldedWroteLine() =>
        Assert.Equal("It still fails after the update.", Own("quoted-reply-en.eml").Excerpt);

    [Fact]
    public void HtmlBecomesTextAndOutlooksHeaderBlockIsCut() =>
        Assert.Equal("Where is my parcel?\nThanks & regards", Own("outlook-reply.eml").Excerpt);

    [Theory]
    [InlineData("auto-reply.eml", "Auto-Submitted: auto-replied")]
    [InlineData("mailing-list.eml", "mailing list")]
    public void MachineMailIsRecognised(string file, string reason) => Assert.Equal(reason, Own(file).AutomaticReason);

    [Fact]
    public void AMessageWithoutAMessageIdIsKnownByTheHashOfItsBytes()
    {
        var bytes = File.ReadAllBytes(Corpus.Own("mail", "no-message-id.eml"));
        var mail = MailParser.Parse(bytes);
        Assert.Null(mail.MessageId);
        Assert.Matches("^sha256:[0-9a-f]{64}$", mail.SourceId);
        Assert.Equal(mail.SourceId, MailParser.Parse(bytes).SourceId);
    }

    [Fact]
    public void MalformedHeadersDegradeInsteadOfFailing()
    {
        var mail = Own("malformed-headers.eml");
        Assert.Null(mail.DateHeader is { } date && date.Year > 1900 ? date : null);
        // An encoded word that does not decode is kept as it came, not dropped.
        Assert.Equal("=?utf-8?B?not-base64!!?=", mail.Subject);
    }

    [Fact]
    public void TextNestedTooDeepAndDamagedBase64AreFlaggedOnTheTicketNotLostSilently()
    {
        static string Nested(int depth, string inner) =>
            depth == 0
                ? inner
                : $"Content-Type: multipart/mixed; "
                    + $"boundary=\"b{depth}\"\r\n\r\n--b{depth}\r\n{Nested(depth - 1, inner)}\r\n--b{depth}--\r\n";
        const string Text = "Content-Type: text/plain; charset=utf-8\r\n\r\n无法登录\r\n";
        const string Headers =
            "From: a@example.com\r\nTo: support@example.com\r\nSubject: help\r\nMessage-ID: <n@x>\r\nMIME-Version: "
            + "1.0\r\n";

        var shallow = MailParser.Parse(System.Text.Encoding.UTF8.GetBytes(Headers + Nested(3, Text)));
        var deep = MailParser.Parse(System.Text.Encoding.UTF8.GetBytes(Headers + Nested(40, Text)));
        var damaged = MailParser.Parse(
            System.Text.Encoding.UTF8.GetBytes(
                Headers
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
                    + "base64\r\n\r\n5peg5rOV55m75b2V*#!\r\n"
            )
        );
        var whole = MailParser.Parse(
            System.Text.Encoding.UTF8.GetBytes(
                Headers
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
                    + "base64\r\n\r\n5peg5rOV55m75b2V\r\n"
            )
        );

        Assert.Equal(("无法登录", 0), (shallow.Excerpt, shallow.Warnings.Count));
        Assert.Equal(
            "MIME nested 32 or more levels deep: text below that depth was not read",
            Assert.Single(deep.Warnings)
        );
        Assert.Equal("damaged base64 in text/plain: its decoded text may be garbage", Assert.Single(damaged.Warnings));
        Assert.Equal(("无法登录", 0), (whole.Excerpt, whole.Warnings.Count));
        Assert.Equal(deep.Warnings[0], MailContact.Of(deep, DateTimeOffset.UnixEpoch, null)!.Remarks);
        Assert.Null(MailContact.Of(whole, DateTimeOffset.UnixEpoch, null)!.Remarks);
    }
}
