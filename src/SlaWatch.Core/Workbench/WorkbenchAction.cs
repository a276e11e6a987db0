namespace SlaWatch.Core.Workbench;

/// <summary>What a person can do to a ticket from the workbench; each is one ticket event.</summary>
public enum WorkbenchAction
{
    /// <summary>首问负责: the first to take an unowned ticket owns it.</summary>
    Take,

    /// <summary>Hands the ticket to someone else (leads).</summary>
    Transfer,

    /// <summary>A response made outside SlaWatch (a call-back, a reply from another tool).</summary>
    Respond,

    /// <summary>Stops the clocks while waiting on the customer or a third party, with the reason.</summary>
    Pause,

    Resume,
    ChangePriority,
    ChangeCategory,

    /// <summary>Resolves with the solution (处理方案).</summary>
    Resolve,

    /// <summary>The customer's word: 已解决, 部分解决 or 未解决.</summary>
    Confirm,

    Rate,
    AddOverdueReason,
    AddRemark,
    Reopen,
    Close,

    /// <summary>Takes an alert on one of the ticket's clocks: the escalation chain of that clock stops.</summary>
    Acknowledge,
}

public static class WorkbenchActionNames
{
    private static readonly Dictionary<string, WorkbenchAction> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["take"] = WorkbenchAction.Take,
        ["transfer"] = WorkbenchAction.Transfer,
        ["respond"] = WorkbenchAction.Respond,
        ["pause"] = WorkbenchAction.Pause,
        ["resume"] = WorkbenchAction.Resume,
        ["priority"] = WorkbenchAction.ChangePriority,
        ["category"] = WorkbenchAction.ChangeCategory,
        ["resolve"] = WorkbenchAction.Resolve,
        ["confirm"] = WorkbenchAction.Confirm,
        ["rate"] = WorkbenchAction.Rate,
        ["reason"] = WorkbenchAction.AddOverdueReason,
        ["remark"] = WorkbenchAction.AddRemark,
        ["reopen"] = WorkbenchAction.Reopen,
        ["close"] = WorkbenchAction.Close,
        ["acknowledge"] = WorkbenchAction.Acknowledge,
    };

    /// <summary>The names requests use, in the table's order.</summary>
    public static IReadOnlyList<string> Known { get; } = [.. Names.Keys];

    public static bool TryParse(string? text, out WorkbenchAction action) =>
        Names.TryGetValue(text ?? string.Empty, out action);

    public static string Name(this WorkbenchAction action) => Names.First(pair => pair.Value == action).Key;
}
