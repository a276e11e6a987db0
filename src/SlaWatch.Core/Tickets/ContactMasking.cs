using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Tickets;

/// <summary>How a phone number is masked: the after-sales template hides its last four digits
/// (<c>1391234****</c>).</summary>
public enum PhoneMask
{
    /// <summary><c>1391234****</c>: the last four digits hidden (the seed's pattern, the default).</summary>
    LastFour,

    /// <summary><c>139****1522</c>: the middle digits hidden, the first three and last four kept.</summary>
    MiddleFour,
}

/// <summary>
/// Masks contacts for display: phone numbers by the policy's pattern (<see cref="PhoneMask"/>), e-mail addresses to
/// their first letters and top-level domain, names to their first character per word.
/// </summary>
public static partial class ContactMasking
{
    /// <summary>
    /// Free text (a subject, a reason, a comment, remarks) with every e-mail address and phone number in it masked as
    /// contacts are: people type contacts anywhere, and free text leaves the store in reports, exports and alerts.
    /// Phone numbers are China's mobile (1[3-9] and nine digits), landlines with an area code (0XX-XXXXXXXX) and
    /// international numbers written with +; resident identity numbers (18 characters) and bank cards (16 to 19
    /// digits) keep their last four; dates and ticket numbers do not look like any of them.
    /// </summary>
    public static string? InText(string? text, PhoneMask phone = PhoneMask.LastFour)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(character => character == '@' || char.IsAsciiDigit(character)))
        {
            return text;
        }

        var masked = EmailInText().Replace(text, match => MaskEmail(match.Value));
        // Identity and card numbers first: their digits masked, no phone pattern finds a number inside them.
        masked = IdentityOrCardInText().Replace(masked, match => MaskAllButLastFour(match.Value));
        return PhoneInText().Replace(masked, match => MaskPhone(match.Value, phone));
    }

    /// <summary>The ticket as it may be shown: its contact already masked, its free text masked too.</summary>
    public static Ticket InFreeText(Ticket ticket, PhoneMask phone = PhoneMask.LastFour)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket with
        {
            Subject = InText(ticket.Subject, phone),
            Reference = InText(ticket.Reference, phone),
            Remarks = InText(ticket.Remarks, phone),
            Solution = InText(ticket.Solution, phone),
            OverdueReason = InText(ticket.OverdueReason, phone),
            OverdueReasons =
            [
                .. ticket.OverdueReasons.Select(given => given with { Reason = InText(given.Reason, phone)! }),
            ],
            Satisfaction = ticket.Satisfaction is { } rating
                ? rating with
                {
                    Comment = InText(rating.Comment, phone),
                }
                : null,
        };
    }

    /// <summary>An event as it may be shown: contacts in its free text masked.</summary>
    public static TicketEvent InEvent(TicketEvent item, PhoneMask phone = PhoneMask.LastFour) =>
        item switch
        {
            Received received => received with
            {
                Subject = InText(received.Subject, phone),
                Excerpt = InText(received.Excerpt, phone),
                Reference = InText(received.Reference, phone),
                Remarks = InText(received.Remarks, phone),
            },
            CustomerMessage message => message with { Excerpt = InText(message.Excerpt, phone) },
            AgentResponse response => response with { Excerpt = InText(response.Excerpt, phone) },
            StatusChanged change => change with { Note = InText(change.Note, phone) },
            SatisfactionRated rating => rating with { Comment = InText(rating.Comment, phone) },
            OverdueReason reason => reason with { Reason = InText(reason.Reason, phone)! },
            CustomerConfirmed confirmed => confirmed with { Comment = InText(confirmed.Comment, phone) },
            RemarkAdded remark => remark with { Text = InText(remark.Text, phone)! },
            _ => item,
        };

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailInText();

    /// <summary>
    /// An 18-character resident identity number (17 digits and a digit or X), or a bank card's 16 to 19 digits, run
    /// together or in groups of four with spaces or dashes: never a date, a time or a ticket number.
    /// </summary>
    [GeneratedRegex(@"(?<![\d*])(?:\d{17}[\dXx]|\d{16,19}|\d{4}(?:[ \-]\d{4}){3}(?:[ \-]?\d{1,3})?)(?![\d*Xx])")]
    private static partial Regex IdentityOrCardInText();

    /// <summary>Every digit but the last four as <c>*</c>, separators kept: <c>**** **** **** 7890</c>.</summary>
    private static string MaskAllButLastFour(string number)
    {
        var keepFrom = number.Length;
        for (var kept = 0; keepFrom > 0 && kept < 4; keepFrom--)
        {
            kept += char.IsAsciiDigit(number[keepFrom - 1]) || number[keepFrom - 1] is 'X' or 'x' ? 1 : 0;
        }

        var shown = new StringBuilder(number.Length);
        for (var i = 0; i < number.Length; i++)
        {
            shown.Append(i < keepFrom && char.IsAsciiDigit(number[i]) ? '*' : number[i]);
        }

        return shown.ToString();
    }

    [GeneratedRegex(
        @"(?<![\d*])(?:(?:\+|00)\d{1,3}[\s\-]?)?(?:1[3-9]\d[\s\-]?\d{4}[\s\-]?\d{4}|0\d{2,3}[\s\-]?\d{7,8}|(?<=\+\d{1,"
            + @"3}[\s\-]?)\d[\d\s\-]{5,}\d)(?![\d*])"
    )]
    private static partial Regex PhoneInText();

    public static string Mask(string contact, PhoneMask phone = PhoneMask.LastFour)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var trimmed = contact.Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        // A masked address or name is a few letters and stars, the same for many customers: shared. A masked phone
        // keeps most of its digits, so it is nearly always new.
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return NamePool.Shared.Of(MaskEmail(trimmed));
        }

        return LooksLikePhone(trimmed) ? MaskPhone(trimmed, phone) : NamePool.Shared.Of(MaskName(trimmed));
    }

    public static string MaskPhone(string phone, PhoneMask pattern = PhoneMask.LastFour)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var prefix = phone.TrimStart().StartsWith('+') ? "+" : string.Empty;
        if (digits.Length >= 7)
        {
            return prefix
                + (
                    pattern == PhoneMask.LastFour
                        ? digits[..^4] + "****"
                        : digits[..3] + new string('*', digits.Length - 7) + digits[^4..]
                );
        }

        // A short number (an extension, or one already partly masked): at most two digits stay.
        var keep = pattern == PhoneMask.LastFour ? Math.Clamp(digits.Length - 4, 0, 2) : Math.Min(2, digits.Length);
        return pattern == PhoneMask.LastFour
            ? prefix + digits[..keep] + new string('*', digits.Length - keep)
            : prefix + new string('*', digits.Length - keep) + digits[^keep..];
    }

    public static string MaskEmail(string address)
    {
        var at = address.LastIndexOf('@');
        var local = address[..at];
        var domain = address[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var host = dot > 0 ? domain[..dot] : domain;
        var top = dot > 0 ? domain[dot..] : string.Empty;
        return $"{FirstThenStars(local)}@{FirstThenStars(host)}{top}";
    }

    public static string MaskName(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(FirstThenStars));

    /// <summary>The form a contact is hashed in: case, spacing and phone punctuation do not make a new
    /// customer.</summary>
    public static string Normalize(string contact)
    {
        var trimmed = contact.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return trimmed.ToLowerInvariant();
        }

        return LooksLikePhone(trimmed)
            ? new string(trimmed.Where(char.IsAsciiDigit).ToArray())
            : string.Join(' ', trimmed.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool LooksLikePhone(string text) =>
        text.Count(char.IsAsciiDigit) >= 5
        && text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.');

    private static string FirstThenStars(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        if (!elements.MoveNext())
        {
            return string.Empty;
        }

        var first = elements.GetTextElement();
        var rest = 0;
        while (elements.MoveNext())
        {
            rest++;
        }

        return new StringBuilder(first).Append('*', Math.Clamp(rest, 1, 3)).ToString();
    }
}
