namespace SlaWatch.Core.Alerts;

/// <summary>Where alerts send people: the address the workbench is opened at (its links), for the host that serves
/// it.</summary>
public sealed record AlertOptions(Uri Workbench)
{
    /// <summary><c>slawatch serve</c>'s address on this machine, when no other is set.</summary>
    public static AlertOptions Local { get; } = new(new Uri("http://127.0.0.1:5080/"));
}
