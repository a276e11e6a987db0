using System.Globalization;
using System.Text;
using SlaWatch.Channels.Email;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// The mail parser field by field, on messages written here so each shows one thing: which header names the sender,
/// the bounds of the MIME depth, what counts as damaged base64, how attachments are named and measured.
/// </summary>
public class MailParserFieldTests
{
    private static ParsedMail Parse(string headers, string body = "你好\r\n") =>
        MailParser.Parse(Encoding.UTF8.GetBytes(headers.ReplaceLineEndings("\r\n") + "\r\n" + body));

    private const string Plain = "Content-Type: text/plain; charset=utf-8\r\n";

    [Fact]
    public void TheSenderIsFromElseSenderAndANameOfSpacesIsNoName()
    {
        var both = Parse(
            "From:  \" 张三 \" <zhang@example.com>\nSender: desk@example.com\nMessage-ID: <a@x>\n" + Plain
        );
        Assert.Equal(("zhang@example.com", "张三"), (both.FromAddress, both.FromName));
        var senderOnly = Parse("Sender: \"  \" <desk@example.com>\nMessage-ID: <a@x>\n" + Plain);
        Assert.Equal(("desk@example.com", null), (senderOnly.FromAddress, senderOnly.FromName));
        var neither = Parse("Message-ID: <a@x>\n" + Plain);
        Assert.Equal((null, null), (neither.FromAddress, neither.FromName));
        // A local mailbox without a domain, as some ticket systems write, is still an address.
        Assert.Equal("kefu", Parse("From: kefu\nMessage-ID: <a@x>\n" + Plain).FromAddress);
    }

    [Fact]
    public void IdsLoseTheirAngleBracketsAndTheDateIsReadOnlyWhenWritten()
    {
        var mail = Parse(
            "From: a@example.com\nMessage-ID: < m1@example.com >\nIn-Reply-To: <p@example.com>\n"
                + "References: <r1@example.com> <p@example.com>\nDate: Mon, 16 Nov 2026 09:30:00 +0800\n"
                + "Subject: 退款 [#20261116-0042]\n"
                + Plain
        );
        Assert.Equal(
            ("m1@example.com", "m1@example.com", "p@example.com"),
            (mail.SourceId, mail.MessageId, mail.InReplyTo)
        );
        Assert.Equal(["r1@example.com", "p@example.com"], mail.References);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 9, 30, 0, TimeSpan.FromHours(8)), mail.DateHeader);
        Assert.Equal(("退款 [#20261116-0042]", "20261116-0042"), (mail.Subject, mail.TicketNumber));
        Assert.Null(Parse("From: a@example.com\n" + Plain).DateHeader);
        Assert.Null(Parse("From: a@example.com\nSubject: 退款 [#2026111-001]\n" + Plain).TicketNumber);
    }

    [Fact]
    public void ASubjectThatDoesNotDecodeIsKeptAsItCame()
    {
        var mail = Parse("From: a@example.com\nSubject: =?utf-8?B?/w==?=\n   again\n" + Plain);
        Assert.Equal("=?utf-8?B?/w==?= again", mail.Subject);
    }

    [Fact]
    public void WithoutPlainTextTheHtmlIsReadAndWithNeitherTheExcerptIsEmpty()
    {
        var html = Parse(
            "From: a@example.com\nContent-Type: text/html; charset=utf-8\n",
            "<p>包裹<b>在哪</b>？</p>\r\n"
        );
        Assert.Equal("包裹在哪？", html.Excerpt);
        var image = Parse(
            "From: a@example.com\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n",
            "iVBO\r\n"
        );
        Assert.Equal("", image.Excerpt);
    }

    [Fact]
    public void ALyingContentLengthDoesNotCutTheBody() =>
        Assert.Equal(
            "第一行 第二行",
            Parse("From: a@example.com\nContent-Length: 3\n" + Plain, "第一行 第二行\r\n").Excerpt
        );

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void NestingIsWarnedOfFromThirtyOneLevels(int levels, bool warned)
    {
        var mail = MailParser.Parse(Encoding.UTF8.GetBytes(Nested(levels)));
        Assert.Equal(
            warned,
            mail.Warnings.Any(warning => warning.StartsWith("MIME nested 32", StringComparison.Ordinal))
        );
    }

    [Fact]
    public void TheDepthIsTheDeepestBranchThroughAttachedMessages()
    {
        // A shallow first part, then a forwarded message nesting 30 levels: 1 + 1 + 30.
        var raw =
            "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=\"top\"\r\n\r\n--top\r\n"
            + Plain
            + "\r\nshallow\r\n--top\r\nContent-Type: message/rfc822\r\n\r\n"
            + Nested(30)
            + "\r\n--top--\r\n";
        Assert.Contains(MailParser.Parse(Encoding.UTF8.GetBytes(raw)).Warnings, warning =>
            warning.StartsWith("MIME nested 32", StringComparison.Ordinal)
        );
    }

    private static string Nested(int levels)
    {
        var text = new StringBuilder("From: a@example.com\r\n");
        for (var level = 0; level < levels; level++)
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $"Content-Type: multipart/mixed; boundary=\"b{level}\"\r\n\r\n--b{level}\r\n"
            );
        }

        text.Append(Plain).Append("\r\ndeep\r\n");
        for (var level = levels - 1; level >= 0; level--)
        {
            text.Append(CultureInfo.InvariantCulture, $"--b{level}--\r\n");
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("5L2g5aW9\r\n", false)]
    [InlineData("5L2g\r\n 5aW9\t\r\n", false)]
    [InlineData("5L+g/aW=\r\n", false)]
    [InlineData("5L2g5aW\r\n", true)]
    [InlineData("5L2g*aW9\r\n", true)]
    [InlineData("5L2g5a-9\r\n", true)]
    public void Base64ThatADecoderWouldGuessAtIsWarnedOf(string encoded, bool damaged)
    {
        var mail = Parse(
            "From: a@example.com\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
            encoded
        );
        Assert.Equal(damaged ? ["damaged base64 in text/plain: its decoded text may be garbage"] : [], mail.Warnings);
    }

    [Fact]
    public void AttachmentsAreNamedAndMeasuredDecoded()
    {
        var raw =
            "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=\"top\"\r\n\r\n--top\r\n"
            + Plain
            + "\r\n见附件\r\n"
            + "--top\r\nContent-Type: application/pdf; name=\"type-name.pdf\"\r\n"
            + "Content-Disposition: attachment; filename=\"发票.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "AAECAwQF\r\n"
            + "--top\r\nContent-Type: image/png; name=\"截图.png\"\r\nContent-Disposition: attachment\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n"
            + "--top\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment\r\n\r\nabc\r\n"
            + "--top\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
            + "From: b@example.com\r\n\r\nhi\r\n"
            + "--top--\r\n";

        var mail = MailParser.Parse(Encoding.UTF8.GetBytes(raw));

        Assert.Equal(
            [
                new MailAttachment("发票.pdf", "application/pdf", 6),
                new MailAttachment("截图.png", "image/png", 3),
                new MailAttachment("attachment", "application/octet-stream", 3),
                // The CRLF before a boundary is the boundary's (RFC 2046), so not the message's.
                new MailAttachment("message.eml", "message/rfc822", "From: b@example.com\r\n\r\nhi".Length),
            ],
            mail.Attachments
        );
        Assert.Equal("见附件", mail.Excerpt);
    }
}
