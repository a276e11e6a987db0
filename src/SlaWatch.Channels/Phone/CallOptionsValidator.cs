using Microsoft.Extensions.Options;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;

namespace SlaWatch.Channels.Phone;

/// <summary>
/// A queue mapped onto a category that is not configured would make every answered call from it a report dimension
/// nobody set up, or a typo that silently files calls as "other": refused at start, naming the queue and the list.
/// The rules are asked for only when there is a map: without one, a start with broken settings names those, not
/// the rules it could not load.
/// </summary>
public sealed class CallOptionsValidator(Func<ClassificationRules> rulesWhenNeeded) : IValidateOptions<CallOptions>
{
    public ValidateOptionsResult Validate(string? name, CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.QueueCategories.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var rules = rulesWhenNeeded();
        var problems = options
            .QueueCategories.Select(pair =>
                (Queue: pair.Key, Problem: ConfiguredNames.CategoryProblem(pair.Value, rules))
            )
            .Where(checkedPair => checkedPair.Problem is not null)
            .OrderBy(checkedPair => checkedPair.Queue, StringComparer.Ordinal)
            .Select(checkedPair => $"queue '{checkedPair.Queue}': {checkedPair.Problem}")
            .ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
