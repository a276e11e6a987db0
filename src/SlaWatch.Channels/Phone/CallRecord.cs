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

    /// <summary>Answer − start: how long the caller heard it ring before an agent answered.</summary>
    public TimeSpan? Ringing => Answer - Start;

    public bool Answered => Disposition == CallDisposition.Answered && Answer is not null;
}

/// <summary>A row that cannot be used, naming its line and column.</summary>
public sealed record CallRowError(int Line, string Column, string Problem, string Raw)
{
    public override string ToString() => $"line {Line}, column {Column}: {Problem}";
}
