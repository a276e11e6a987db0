namespace SlaWatch.Channels.Phone;

/// <summary>
/// Makes the legs of a call one call. A call that rings a group forks into a row per phone rung, all sharing the
/// switch's <c>linkedid</c> (or, without it, the caller's <c>uniqueid</c>): one leg's NO ANSWER does not make a call
/// another leg answered a missed one, nor is the second leg a second call.
/// </summary>
public static class CallLegs
{
    /// <summary>
    /// Applications that pick a call up without a person on the line: an answer by one of them is the switch's, not
    /// an agent's.
    /// </summary>
    private static readonly HashSet<string> SwitchApplications = new(StringComparer.OrdinalIgnoreCase)
    {
        "Hangup",
        "Answer",
        "Playback",
        "Background",
        "BackGround",
        "ControlPlayback",
        "WaitExten",
        "Read",
        "Record",
        "VoiceMail",
        "VoiceMailMain",
        "Voicemail",
        "MusicOnHold",
        "Wait",
        "Echo",
        "SayDigits",
        "SayNumber",
        "IVR",
        "AGI",
        "Congestion",
        "Busy",
    };

    /// <summary>
    /// A leg answered by the switch is not answered: the application is kept so the report can say who picked up. A
    /// Queue or Dial leg is where the call reached the agents: ringing starts there, not in the menu before it.
    /// </summary>
    public static CallRecord AsLeg(CallRecord leg, string application, string destinationChannel, string data = "")
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(data);
        if (application.Equals("Queue", StringComparison.OrdinalIgnoreCase))
        {
            leg = leg with
            {
                ReachedAgentsAt = leg.Start,
                Queue = data.Split(',', 2)[0].Trim() is { Length: > 0 } q ? q : null,
            };
        }
        else if (application.Equals("Dial", StringComparison.OrdinalIgnoreCase))
        {
            leg = leg with { ReachedAgentsAt = leg.Start };
        }

        var bySwitch = leg.Answered && (destinationChannel.Length == 0 || SwitchApplications.Contains(application));
        return bySwitch
            ? leg with
            {
                Disposition = CallDisposition.NoAnswer,
                Answer = null,
                Agent = null,
                SwitchApplication = application.Length > 0 ? application : "switch",
            }
            : leg;
    }

    /// <summary>Calls in the order their first leg appears; a call of one leg is returned as it is.</summary>
    public static IReadOnlyList<CallRecord> Group(IEnumerable<CallRecord> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        return legs.GroupBy(leg => leg.LinkedId ?? leg.CallId, StringComparer.Ordinal)
            .Select(call => call.Count() == 1 ? call.First() : Merge(call.Key, [.. call]))
            .ToArray();
    }

    private static CallRecord Merge(string id, IReadOnlyList<CallRecord> legs)
    {
        var first = legs.MinBy(leg => leg.Start)!;
        var answered = legs.Where(leg => leg.Answered).MinBy(leg => leg.Answer);
        var disposition =
            answered is not null ? CallDisposition.Answered
            : legs.Any(leg => leg.Disposition == CallDisposition.NoAnswer) ? CallDisposition.NoAnswer
            : legs.Any(leg => leg.Disposition == CallDisposition.Busy) ? CallDisposition.Busy
            : CallDisposition.Failed;
        return new CallRecord(
            id,
            first.Caller,
            first.Start,
            answered?.Answer,
            legs.Max(leg => leg.End),
            disposition,
            answered?.Agent
        )
        {
            LinkedId = first.LinkedId,
            Legs = legs.Count,
            SwitchApplication = answered is null
                ? legs.Select(leg => leg.SwitchApplication).FirstOrDefault(application => application is not null)
                : null,
            ReachedAgentsAt = legs.Select(leg => leg.ReachedAgentsAt).Where(at => at is not null).Min(),
            Queue = legs.Select(leg => leg.Queue).FirstOrDefault(queue => queue is not null),
        };
    }
}
