namespace SlaWatch.Core.Ports;

/// <summary>An input that could not be accepted, kept whole with the reason, so nothing a customer sent is lost.</summary>
public sealed record QuarantinedInput(string Channel, DateTimeOffset At, string Origin, string Reason, string Raw)
{
    public string? Id { get; init; }
}
