using System.Globalization;
using System.Text;

namespace SlaWatch.Core.Tickets;

/// <summary>How a phone number is masked: the after-sales template hides its last four digits (<c>1391234****</c>).</summary>
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
public static class ContactMasking
{
    public static string Mask(string contact, PhoneMask phone = PhoneMask.LastFour)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var trimmed = contact.Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return MaskEmail(trimmed);
        }

        return LooksLikePhone(trimmed) ? MaskPhone(trimmed, phone) : MaskName(trimmed);
    }

    public static string MaskPhone(string phone, PhoneMask pattern = PhoneMask.LastFour)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var prefix = phone.TrimStart().StartsWith('+') ? "+" : string.Empty;
        if (digits.Length >= 7)
        {
            return prefix + (pattern == PhoneMask.LastFour
                ? digits[..^4] + "****"
                : digits[..3] + new string('*', digits.Length - 7) + digits[^4..]);
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

    /// <summary>The form a contact is hashed in: case, spacing and phone punctuation do not make a new customer.</summary>
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
        text.Count(char.IsAsciiDigit) >= 5 && text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.');

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
