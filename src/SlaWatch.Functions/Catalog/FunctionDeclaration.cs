namespace SlaWatch.Functions.Catalog;

public enum TriggerKind
{
    Http,
    Timer,
    ServiceBus,
}

/// <summary>
/// One function as the Functions host must know it: its name (the folder, and the path the host posts to), its
/// trigger and the settings the trigger reads. Names, routes, schedules and connection names are a contract the
/// infrastructure depends on.
/// </summary>
public sealed record FunctionDeclaration(string Name, TriggerKind Trigger, string Does)
{
    public string? Route { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary><c>function</c> (a function key is required) or <c>anonymous</c>.</summary>
    public string AuthLevel { get; init; } = "function";

    /// <summary>The app setting holding the NCRONTAB schedule (UTC), used as <c>%SETTING%</c>.</summary>
    public string? ScheduleSetting { get; init; }

    public string? QueueName { get; init; }

    public bool Sessions { get; init; }

    public string? Connection { get; init; }

    /// <summary>The trigger's binding name in the payload the host posts.</summary>
    public string BindingName => Trigger switch
    {
        TriggerKind.Http => "req",
        TriggerKind.Timer => "timer",
        _ => "message",
    };
}
