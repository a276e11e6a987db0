namespace SlaWatch.Core.Ingestion;

/// <summary>Why a contact cannot become a ticket, or null when it can.</summary>
public static class ContactValidator
{
    public const int MaxSourceIdLength = 2048;

    /// <summary>A contact may be stamped a little ahead of our clock (clock skew), not more.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static string? Problem(InboundContact contact, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(contact.SourceId))
        {
            return "sourceId: missing; every contact needs the id its channel gave it";
        }

        if (contact.SourceId.Length > MaxSourceIdLength)
        {
            return $"sourceId: longer than {MaxSourceIdLength} characters";
        }

        if (string.IsNullOrWhiteSpace(contact.From))
        {
            return "from: missing; a contact needs the customer's address, number or name";
        }

        if (contact.ReceivedAt == default)
        {
            return "receivedAt: missing";
        }

        if (contact.ReceivedAt > now + FutureTolerance)
        {
            return $"receivedAt: {contact.ReceivedAt:O} is in the future (now {now:O}); times are recorded as they "
                + $"happen";
        }

        return null;
    }
}
