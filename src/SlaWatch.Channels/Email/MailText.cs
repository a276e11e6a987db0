using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Text;

namespace SlaWatch.Channels.Email;

/// <summary>Turns a body into a short excerpt: HTML to text, quoted history and signatures cut, length
/// bounded.</summary>
internal static partial class MailText
{
    public static string FromHtml(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var skipping = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    skipping +=
                        tag.IsEndTag ? -1
                        : tag.IsEmptyElement ? 0
                        : 1;
                    skipping = Math.Max(0, skipping);
                    break;
                case HtmlTagToken tag
                    when !tag.IsEndTag
                        && tag.Id
                            is HtmlTagId.Br
                                or HtmlTagId.P
                                or HtmlTagId.Div
                                or HtmlTagId.LI
                                or HtmlTagId.TR
                                or HtmlTagId.H1
                                or HtmlTagId.H2
                                or HtmlTagId.H3
                                or HtmlTagId.BlockQuote:
                    text.Append('\n');
                    break;
                case HtmlDataToken data when skipping == 0:
                    text.Append(data.Data);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The customer's own words: everything before the quoted history or the signature.</summary>
    public static string Excerpt(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line is "-- " or "--" || lines[i] == "-- " || StartsQuotedHistory(lines, i))
            {
                break;
            }

            if (!line.TrimStart().StartsWith('>'))
            {
                kept.Add(line.Replace('\u00a0', ' '));
            }
        }

        return Core.Ingestion.Excerpts.Of(Blank().Replace(string.Join('\n', kept), "\n\n")) ?? string.Empty;
    }

    private static bool StartsQuotedHistory(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (OriginalMessage().IsMatch(line) || ChineseWrote().IsMatch(line) || EnglishWrote().IsMatch(line))
        {
            return true;
        }

        // "On Mon, 3 Nov 2026, Li Lei <li@example.com>" + "wrote:" folded over two lines.
        if (
            line.StartsWith("On ", StringComparison.Ordinal)
            && i + 1 < lines.Length
            && lines[i + 1].Trim().EndsWith("wrote:", StringComparison.Ordinal)
        )
        {
            return true;
        }

        // Outlook's header block: "From: …" followed within three lines by "Sent: …" (or 发件人 / 发送时间).
        return HeaderBlockStart().IsMatch(line)
            && lines.Skip(i + 1).Take(3).Any(next => HeaderBlockSent().IsMatch(next.Trim()));
    }

    [GeneratedRegex(
        @"^-{2,}\s*(Original Message|Forwarded message|原始邮件|原始郵件|转发的邮件)\s*-{2,}",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^在.{2,200}写道[:：]$")]
    private static partial Regex ChineseWrote();

    [GeneratedRegex(@"^On .{4,300} wrote:$")]
    private static partial Regex EnglishWrote();

    [GeneratedRegex(@"^(From|发件人|寄件者)[:：]\s")]
    private static partial Regex HeaderBlockStart();

    [GeneratedRegex(@"^(Sent|Date|发送时间|日期|寄件日期)[:：]\s")]
    private static partial Regex HeaderBlockSent();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex Blank();
}
