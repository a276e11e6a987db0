namespace SlaWatch.Core.Scanning;

/// <summary>What one scan did: how much it read and what it announced.</summary>
public sealed record ScanReport
{
    public string FromBucket { get; set; } = string.Empty;

    public string ToBucket { get; set; } = string.Empty;

    public int BucketsRead { get; set; }

    public int EntriesRead { get; set; }

    public int TicketsLoaded { get; set; }

    public int ClocksRecomputed { get; set; }

    public Dictionary<string, int> Announcements { get; } = [];

    public int Notifications { get; set; }

    public int Digests { get; set; }

    public int DeliveryFailures { get; set; }

    /// <summary>Calendars whose holiday data does not cover today and the week ahead: due instants there are
    /// guesses.</summary>
    public IReadOnlyList<Policies.CalendarWarning> CalendarWarnings { get; set; } = [];
}
