namespace SlaWatch.Core.Workbench;

/// <summary>The workbench's settings (section <c>Workbench</c>).</summary>
public sealed class WorkbenchOptions
{
    /// <summary>A solution, note, reason or remark longer than this is refused, not cut.</summary>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>The satisfaction scale ratings are recorded on: 3 (满意, 一般, 不满意), 5 or 10.</summary>
    public int SatisfactionScale { get; set; } = 3;

    /// <summary>The overdue reasons (超时原因) offered to choose from; free text is taken too.</summary>
    public IList<string> OverdueReasons { get; } =
    [
        "坐席繁忙 agent busy",
        "核实信息中 verifying information",
        "等待第三方 waiting on a third party",
        "等待客户回复 waiting on the customer",
        "系统故障 system fault",
    ];
}
