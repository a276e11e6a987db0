using System.Security.Cryptography;
using System.Text;

namespace SlaWatch.Core.Tickets;

/// <summary>
/// Who contacted us, without keeping who they are in the clear: a stable key for grouping (repeat complaints) and a
/// masked form for display. The raw contact never leaves the channel adapter.
/// </summary>
public sealed record CustomerRef(string Key, string Masked)
{
    public static CustomerRef FromContact(string contact, PhoneMask phone = PhoneMask.LastFour)
    {
        var normalized = ContactMasking.Normalize(contact);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return new CustomerRef(
            "c-" + Convert.ToHexStringLower(hash.AsSpan(0, 10)),
            ContactMasking.Mask(contact, phone)
        );
    }
}
