namespace SlaWatch.Channels.Email;

/// <summary>What one poll cycle did, folder by folder.</summary>
public sealed record PollReport
{
    public int Fetched { get; set; }

    public int Created { get; set; }

    public int Threaded { get; set; }

    public int Duplicates { get; set; }

    public int Automatic { get; set; }

    public int Quarantined { get; set; }

    public int Acknowledged { get; set; }

    public int AcknowledgementsFailed { get; set; }

    public int AgentResponses { get; set; }

    /// <summary>Tickets an agent's reply resolved by carrying a resolve marker.</summary>
    public int ResolvedByReply { get; set; }

    public int Resynced { get; set; }

    /// <summary>Set when the breaker is open and this poll did not talk to the server.</summary>
    public string? Skipped { get; set; }
}
