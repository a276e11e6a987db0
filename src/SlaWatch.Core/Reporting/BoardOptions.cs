namespace SlaWatch.Core.Reporting;

/// <summary>How often the live board's screens refresh; a read is served again for half of it.</summary>
public sealed record BoardOptions(int RefreshSeconds = SlaBoard.DefaultRefreshSeconds);
