using SlaWatch.Channels.Phone;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// The legs of a call made one call, leg by leg: who answered (an agent, or the switch's own application), where
/// ringing began (the Queue or Dial leg), and what the merged call says when a group of phones rang.
/// </summary>
public class CallLegsTests
{
    private static readonly DateTimeOffset Start = Shipped.At("2026-11-16 10:00:00");

    private static CallRecord Leg(
        string id = "1763258400.1",
        double startSeconds = 0,
        double? answerSeconds = 8,
        CallDisposition disposition = CallDisposition.Answered,
        string? agent = "2001"
    ) =>
        new(
            id,
            "13912341522",
            Start.AddSeconds(startSeconds),
            answerSeconds is { } answer ? Start.AddSeconds(answer) : null,
            Start.AddSeconds(120),
            disposition,
            agent
        );

    [Theory]
    [InlineData("Hangup")]
    [InlineData("Answer")]
    [InlineData("Playback")]
    [InlineData("Background")]
    [InlineData("BackGround")]
    [InlineData("ControlPlayback")]
    [InlineData("WaitExten")]
    [InlineData("Read")]
    [InlineData("Record")]
    [InlineData("VoiceMail")]
    [InlineData("VoiceMailMain")]
    [InlineData("Voicemail")]
    [InlineData("MusicOnHold")]
    [InlineData("Wait")]
    [InlineData("Echo")]
    [InlineData("SayDigits")]
    [InlineData("SayNumber")]
    [InlineData("IVR")]
    [InlineData("AGI")]
    [InlineData("Congestion")]
    [InlineData("Busy")]
    [InlineData("voicemail")]
    public void ALegTheSwitchsOwnApplicationAnsweredIsNotAnsweredAndNamesIt(string application)
    {
        var read = CallLegs.AsLeg(Leg(), application, "Local/s@menu-00000001;2");

        Assert.Equal(
            (CallDisposition.NoAnswer, (DateTimeOffset?)null, (string?)null, application, false),
            (read.Disposition, read.Answer, read.Agent, read.SwitchApplication, read.Answered)
        );
    }

    [Fact]
    public void ALegAnsweredWithoutADestinationIsTheSwitchsAndOneAnAgentAnsweredStaysAnswered()
    {
        var noDestination = CallLegs.AsLeg(Leg(), string.Empty, string.Empty);
        var agent = CallLegs.AsLeg(Leg(), "Dial", "SIP/2001-00000002", "SIP/2001,30");
        var notAnswered = CallLegs.AsLeg(
            Leg(answerSeconds: null, disposition: CallDisposition.NoAnswer, agent: null),
            "VoiceMail",
            string.Empty
        );

        Assert.Equal(
            (CallDisposition.NoAnswer, "switch"),
            (noDestination.Disposition, noDestination.SwitchApplication)
        );
        Assert.Equal(
            (CallDisposition.Answered, Start.AddSeconds(8), "2001", (string?)null),
            (agent.Disposition, agent.Answer!.Value, agent.Agent, agent.SwitchApplication)
        );
        // Nobody answered: nothing to take away, and no application picked it up.
        Assert.Null(notAnswered.SwitchApplication);
    }

    [Theory]
    [InlineData("Queue", "support,t,,,300", "support")]
    [InlineData("queue", " billing ", "billing")]
    [InlineData("Queue", "", null)]
    [InlineData("Dial", "SIP/2001,30", null)]
    [InlineData("DIAL", "", null)]
    public void RingingStartsAtTheQueueOrDialLegAndTheQueueIsNamed(string application, string data, string? queue)
    {
        var read = CallLegs.AsLeg(Leg(startSeconds: 12, answerSeconds: 20), application, "SIP/2001-3", data);

        Assert.Equal((Start.AddSeconds(12), queue), (read.ReachedAgentsAt!.Value, read.Queue));
        Assert.Equal(TimeSpan.FromSeconds(8), read.Ringing);
    }

    [Fact]
    public void AMenuLegSetsNoRingingStart()
    {
        var read = CallLegs.AsLeg(Leg(answerSeconds: 2), "Background", "Local/s@menu", "welcome");

        Assert.Equal(((DateTimeOffset?)null, (string?)null), (read.ReachedAgentsAt, read.Queue));
    }

    [Fact]
    public void ARingGroupIsOneCallAnsweredByTheFirstAgentFromTheFirstLegsStart()
    {
        var linked = "1763258400.1";
        var legs = new[]
        {
            Leg("1763258400.2", startSeconds: 1, answerSeconds: null, CallDisposition.NoAnswer, agent: null) with
            {
                LinkedId = linked,
            },
            Leg("1763258400.3", startSeconds: 0.5, answerSeconds: 9, agent: "2003") with
            {
                LinkedId = linked,
                ReachedAgentsAt = Start.AddSeconds(2),
                Queue = "support",
            },
            Leg("1763258400.4", startSeconds: 0.7, answerSeconds: 7, agent: "2004") with
            {
                LinkedId = linked,
                ReachedAgentsAt = Start.AddSeconds(1),
            },
            Leg("1763258500.1", startSeconds: 100, answerSeconds: null, CallDisposition.Busy, agent: null),
        };

        var calls = CallLegs.Group(legs);

        Assert.Equal(2, calls.Count);
        var group = calls[0];
        Assert.Equal(
            (linked, 3, Start.AddSeconds(0.5), Start.AddSeconds(7), "2004", CallDisposition.Answered),
            (group.CallId, group.Legs, group.Start, group.Answer!.Value, group.Agent, group.Disposition)
        );
        Assert.Equal(
            (Start.AddSeconds(1), "support", Start.AddSeconds(120), (string?)null),
            (group.ReachedAgentsAt!.Value, group.Queue, group.End, group.SwitchApplication)
        );
        // A call of one leg is returned as it was.
        Assert.Same(legs[3], calls[1]);
    }

    [Theory]
    [InlineData(CallDisposition.NoAnswer, CallDisposition.Busy, CallDisposition.NoAnswer)]
    [InlineData(CallDisposition.Busy, CallDisposition.Failed, CallDisposition.Busy)]
    [InlineData(CallDisposition.Failed, CallDisposition.Failed, CallDisposition.Failed)]
    public void ARingGroupNobodyAnsweredSaysTheMostTellingOutcome(
        CallDisposition one,
        CallDisposition other,
        CallDisposition merged
    )
    {
        var legs = new[]
        {
            Leg("a", answerSeconds: null, disposition: one, agent: null) with
            {
                LinkedId = "l",
            },
            Leg("b", answerSeconds: null, disposition: other, agent: null) with
            {
                LinkedId = "l",
                SwitchApplication = "VoiceMail",
            },
        };

        var call = Assert.Single(CallLegs.Group(legs));

        Assert.Equal((merged, "VoiceMail", false), (call.Disposition, call.SwitchApplication, call.Answered));
    }
}
