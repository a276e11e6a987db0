using SlaWatch.Core.Text;

namespace SlaWatch.Core.Tickets;

/// <summary>
/// Who contacted us, without keeping who they are in the clear: a stable key for grouping (repeat complaints) and a
/// masked form for display. The raw contact never leaves the channel adapter.
/// </summary>
public sealed record CustomerRef(string Key, string Masked)
{
    public static CustomerRef FromContact(string contact, PhoneMask phone = PhoneMask.LastFour)
    {
        return new CustomerRef(
            ShortDigest.Of("c-", 10, ContactMasking.Normalize(contact)),
            ContactMasking.Mask(contact, phone)
        );
    }
}
