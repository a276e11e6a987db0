namespace SlaWatch.Channels.Phone;

public enum CallDisposition
{
    Answered,
    NoAnswer,
    Busy,
    Failed,
}

/// <summary>One call as a switch logged it. The caller is the raw number: mask it before showing it anywhere.</summary>
public sealed record CallRecord(string CallId, string Caller, DateTimeOffset Start, DateTimeOffset? Answer, DateTimeOffset End, CallDisposition Disposition, string? Agent)
{
    /// <summary>Answer − start: how long the caller heard it ring.</summary>
    public TimeSpan? Ringing => Answer - Start;

    public bool Answered => Disposition == CallDisposition.Answered && Answer is not null;
}

/// <summary>A row that cannot be used, naming its line and column.</summary>
public sealed record CallRowError(int Line, string Column, string Problem, string Raw)
{
    public override string ToString() => $"line {Line}, column {Column}: {Problem}";
}
