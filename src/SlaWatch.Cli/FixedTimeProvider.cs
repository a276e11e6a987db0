namespace SlaWatch.Cli;

/// <summary>A clock stopped at one instant, for commands run "as of" a given time (<c>--now</c>).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
