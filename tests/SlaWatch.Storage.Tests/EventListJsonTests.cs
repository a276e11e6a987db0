using System.Text.Json;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>
/// A snapshot's pending events and a day's summaries are stored as one JSON text, each event's JSON a string in it:
/// a stored contract. Written through reused UTF-8 writers, the text is the one the list of type names and event
/// strings serializes to, character for character, whatever the events hold (Chinese, quotes, backslashes, control
/// characters, a '+' of an offset), and reads back as the same events.
/// </summary>
public sealed class EventListJsonTests
{
    private static readonly DateTimeOffset T0 = TestWorld.Shanghai("2026-11-16 09:30");

    private static readonly TicketEvent[] EveryKind =
    [
        new Received(
            T0,
            "customer",
            "<m-1@x>",
            Channel.Email,
            Priority.Urgent,
            "technical-fault",
            CustomerRef.FromContact("13912341522"),
            "无法登录 \"急\"",
            "vip",
            "登录时报错\\n\t第二行 <b>&amp;</b>"
        ),
        new CustomerMessage(T0.AddMinutes(1), "customer", "m-2", "还是不行\u0001"),
        new Acknowledged(T0.AddMinutes(2), "system", "<ack@support>"),
        new AgentResponse(T0.AddMinutes(3), "客服A", "<r1@support>", "请重置密码 😀"),
        new StatusChanged(T0.AddMinutes(4), "客服A", null, TicketStatus.PendingCustomer, "等客户回复"),
        new PriorityChanged(T0.AddMinutes(5), "客服A", null, Priority.High),
        new CategoryChanged(T0.AddMinutes(6), "客服A", null, "usage-question"),
        new Assigned(T0.AddMinutes(7), "组长", null, "客服B", "客服C"),
        new ResolutionPromised(T0.AddMinutes(8), "客服B", null, T0.AddHours(4)),
        new OverdueReason(T0.AddMinutes(9), "客服B", null, "verifying information", SlaMetric.Resolution),
        new Escalated(T0.AddMinutes(10), "scanner", null, SlaMetric.FirstResponse, 2),
        new AlertSent(
            T0.AddMinutes(10),
            "scanner",
            null,
            SlaMetric.FirstResponse,
            2,
            "组长",
            "王+李",
            "email",
            false,
            "退信"
        ),
        new AlertAcknowledged(T0.AddMinutes(11), "组长", null, SlaMetric.FirstResponse, 1),
        new CustomerConfirmed(T0.AddMinutes(12), "customer", null, Confirmation.PartiallyResolved, "只好了一半"),
        new FirstContactRecorded(T0.AddMinutes(12), "客服B", "import:x:first-contact", false),
        new RemarkAdded(T0.AddMinutes(13), "客服B", "workbench:a:r1, \"two\"", "备注 'quoted'"),
        new SatisfactionRated(T0.AddMinutes(13), "customer", null, 2, 3, "一般") { Entered = true },
    ];

    [Fact]
    public void TheListIsWrittenAsTheStoredContractHasItAndReadsBack()
    {
        var stored = JsonSerializer.Serialize(
            EveryKind.Select(item => new { Type = EventJson.TypeName(item), Data = EventJson.Serialize(item) })
        );

        var written = EventListJson.Serialize(EveryKind);

        Assert.Equal(stored, written);
        Assert.Equal(EveryKind, EventListJson.Deserialize(written));
        // The writers a thread keeps start afresh: a shorter list after a longer one is itself alone.
        Assert.Equal("[]", EventListJson.Serialize([]));
        Assert.Equal(
            JsonSerializer.Serialize(new[] { new { Type = "Acknowledged", Data = EventJson.Serialize(EveryKind[2]) } }),
            EventListJson.Serialize([EveryKind[2]])
        );
    }
}
