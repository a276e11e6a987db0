namespace SlaWatch.Core.Policies;

public enum Priority
{
    Urgent,
    High,
    Normal,
    Low,
    Suggestion,
}

public static class PriorityNames
{
    private static readonly Dictionary<string, Priority> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["urgent"] = Priority.Urgent,
        ["紧急"] = Priority.Urgent,
        ["high"] = Priority.High,
        ["高"] = Priority.High,
        ["normal"] = Priority.Normal,
        ["medium"] = Priority.Normal,
        ["一般"] = Priority.Normal,
        ["中"] = Priority.Normal,
        ["low"] = Priority.Low,
        ["低"] = Priority.Low,
        ["suggestion"] = Priority.Suggestion,
        ["建议"] = Priority.Suggestion,
    };

    public static IReadOnlyCollection<string> Known =>
        ["urgent", "high", "normal", "medium", "low", "suggestion", "紧急", "高", "一般", "中", "低", "建议"];

    public static bool TryParse(string? text, out Priority priority) =>
        Aliases.TryGetValue(text?.Trim() ?? string.Empty, out priority);

    public static string Key(this Priority priority) =>
        priority switch
        {
            Priority.Urgent => "urgent",
            Priority.High => "high",
            Priority.Normal => "normal",
            Priority.Low => "low",
            Priority.Suggestion => "suggestion",
            _ => priority.ToString().ToLowerInvariant(),
        };
}
