using Microsoft.Extensions.Options;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Phone;

/// <summary>
/// Turns calls into tickets: the call arrives when it reached the agents (its start when the log does not say; the
/// menu before is the caller's own time, not ringing); an answered call's answer is the first response (so "within
/// three rings" is the policy's ring target) and its queue names its category; a call that was not answered (NO
/// ANSWER, BUSY, FAILED, abandoned in the queue) becomes a call-back ticket (<see cref="CallBack"/>) whose first
/// response is already late, and so does a call only the switch picked up (voicemail, an IVR). A call from the same
/// number within the repeat window continues that caller's open ticket.
/// </summary>
public sealed class CallIngester(FollowedContactIngestion ingestion, SlaPolicy policy, IOptions<CallOptions> settings)
{
    private readonly CallOptions _options = settings.Value;

    public TimeSpan RepeatWindow => _options.RepeatWindow;

    /// <summary>The ring target for a call (rings × ring cycle), or null when the policy sets none.</summary>
    public static TimeSpan? RingTarget(SlaPolicy policy, CallRecord call) =>
        policy
            .TargetFor(SlaMetric.FirstResponse, new TicketProfile(Channel.Phone, Priority.Normal))
            ?.OpenTimeFrom(call.RingingFrom);

    /// <summary>Answered within the ring target; false for a call not answered; null when the policy sets no
    /// target.</summary>
    public static bool? MetRingTarget(SlaPolicy policy, CallRecord call) =>
        !call.Answered ? false
        : RingTarget(policy, call) is { } target ? call.Ringing <= target
        : null;

    public bool? MetRingTarget(CallRecord call) => MetRingTarget(policy, call);

    public async Task<IngestResult> IngestAsync(
        CallRecord call,
        string origin,
        string raw,
        CancellationToken cancellationToken = default
    )
    {
        var contact = new InboundContact
        {
            Channel = Channel.Phone,
            SourceId = "call:" + call.CallId,
            ReceivedAt = call.RingingFrom,
            From = call.Caller,
            // What SlaWatch writes on a ticket itself is in the users' language (Chinese first): people read it in
            // the workbench and the reports' exceptions as they read what customers wrote.
            Subject = call.Answered ? "来电" : $"未接来电（{Describe(call)}），请回电",
            Category = call.Answered ? _options.CategoryOf(call.Queue) : CallBack.Category,
            RepeatKey = CustomerRef.FromContact(call.Caller).Key,
            RepeatWindow = RepeatWindow,
        };
        TicketEvent follow = call.Answered
            ? new AgentResponse(call.Answer!.Value, call.Agent ?? "phone", $"call:{call.CallId}:answered")
            : new OverdueReason(
                call.Start,
                "switch",
                $"call:{call.CallId}:missed",
                $"未接来电：{Describe(call)}",
                SlaMetric.FirstResponse
            );
        // A new caller's ticket is created with its answer (or its missed call's reason) in one write.
        var (result, _) = await ingestion
            .IngestAsync(contact, [follow], origin, raw, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return result;
    }

    private static string Describe(CallRecord call) =>
        call.QueueExit is { } exit ? exit
        : call.SwitchApplication is { } application ? $"无坐席接听，仅由交换机的 {application} 接起"
        : call.Disposition switch
        {
            CallDisposition.NoAnswer => "无人接听",
            CallDisposition.Busy => "占线",
            CallDisposition.Failed => "呼叫失败",
            _ => "已接听",
        };
}
