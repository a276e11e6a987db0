namespace SlaWatch.Channels.Phone;

public enum CallDisposition
{
    Answered,
    NoAnswer,
    Busy,
    Failed,
}

/// <summary>
/// One call as a switch logged it, its legs (the rows of a call that rang a group) made one. Answered means an agent
/// answered; a call only the switch picked up (an IVR, voicemail, a hang-up application) names that application in
/// <see cref="SwitchApplication"/> and counts as not answered. The caller is the raw number: mask it before showing
/// it anywhere.
/// </summary>
public sealed record CallRecord(
    string CallId,
    string Caller,
    DateTimeOffset Start,
    DateTimeOffset? Answer,
    DateTimeOffset End,
    CallDisposition Disposition,
    string? Agent
)
{
    /// <summary>The switch's id for the whole call (Asterisk's <c>linkedid</c>), shared by its legs.</summary>
    public string? LinkedId { get; init; }

    /// <summary>How many rows of the log this call was made of.</summary>
    public int Legs { get; init; } = 1;

    /// <summary>The application that picked the call up when no agent did (<c>VoiceMail</c>,
    /// <c>Playback</c>…).</summary>
    public string? SwitchApplication { get; init; }

    /// <summary>
    /// When the call reached the agents (entered a queue, or a Dial to people began); null when the log does not
    /// say, and then the call's start. Time before it was spent in a menu (IVR), not ringing.
    /// </summary>
    public DateTimeOffset? ReachedAgentsAt { get; init; }

    /// <summary>The queue the call waited in (Asterisk's queue name), which can name its category.</summary>
    public string? Queue { get; init; }

    /// <summary>Why a call that reached a queue ended without an agent (abandoned, timed out, left with a
    /// key).</summary>
    public string? QueueExit { get; init; }

    /// <summary>When ringing began: the moment the call reached the agents, else its start.</summary>
    public DateTimeOffset RingingFrom => ReachedAgentsAt ?? Start;

    /// <summary>Answer − <see cref="RingingFrom"/>: how long the caller waited for an agent, menu time left
    /// out.</summary>
    public TimeSpan? Ringing => Answer - RingingFrom;

    public bool Answered => Disposition == CallDisposition.Answered && Answer is not null;
}

/// <summary>A row that cannot be used, naming its line and column.</summary>
public sealed record CallRowError(int Line, string Column, string Problem, string Raw)
{
    public override string ToString() => $"line {Line}, column {Column}: {Problem}";
}
