using System.Text.Json;
using System.Text.Json.Serialization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.Core.Workbench;

namespace SlaWatch.Web.Workbench;

/// <summary>The body of a workbench action: the request's id, the ticket version the person saw, and the fields the
/// action takes. The actor is never among them: it is the signed-in person.</summary>
public sealed record WorkbenchRequest(
    string? RequestId,
    string? Version,
    string? Text,
    string? Owner,
    string? Priority,
    string? Category,
    bool? WaitingOnCustomer,
    string? Confirmation,
    int? Score,
    string? Metric = null
)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The command, or the field that is wrong.</summary>
    public static (WorkbenchCommand? Command, string? Problem) Parse(WorkbenchAction action, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        WorkbenchRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<WorkbenchRequest>(body, Options);
        }
        catch (JsonException error)
        {
            return (null, $"body: not a workbench request ({error.Message.Split(" Path:")[0]})");
        }

        if (request is null)
        {
            return (null, "body: empty");
        }

        Priority? priority = null;
        if (request.Priority is { } priorityText)
        {
            if (!PriorityNames.TryParse(priorityText, out var parsed))
            {
                return (null, $"priority: '{priorityText}' is not one of {string.Join(", ", PriorityNames.Known)}");
            }

            priority = parsed;
        }

        Confirmation? confirmation = null;
        if (request.Confirmation is { } confirmationText)
        {
            if (
                !Enum.TryParse<Confirmation>(confirmationText, ignoreCase: true, out var outcome)
                || !Enum.IsDefined(outcome)
            )
            {
                return (null, $"confirmation: '{confirmationText}' is not resolved, partiallyResolved or notResolved");
            }

            confirmation = outcome;
        }

        SlaMetric? metric = null;
        if (request.Metric is { } metricText)
        {
            if (!SlaMetricNames.TryParse(metricText, out var parsed))
            {
                return (null, $"metric: '{metricText}' is not one of {string.Join(", ", SlaMetricNames.Known)}");
            }

            metric = parsed;
        }

        return (
            new WorkbenchCommand(action, request.RequestId ?? string.Empty, request.Version)
            {
                Text = request.Text,
                Owner = request.Owner,
                Priority = priority,
                Category = request.Category,
                WaitingOnCustomer = request.WaitingOnCustomer ?? true,
                Confirmation = confirmation,
                Metric = metric,
                Score = request.Score,
            },
            null
        );
    }
}
