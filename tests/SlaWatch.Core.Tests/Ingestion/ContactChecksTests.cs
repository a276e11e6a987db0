using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>Why a contact cannot become a ticket, and the names a line may use, in the words its sender
/// reads.</summary>
public class ContactChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    private static InboundContact Contact(
        string source = "m-1",
        string from = "13912341522",
        DateTimeOffset? at = null
    ) =>
        new()
        {
            Channel = Channel.Chat,
            SourceId = source,
            From = from,
            ReceivedAt = at ?? Now,
        };

    public static TheoryData<InboundContact, string?> Contacts() =>
        new()
        {
            { Contact(), null },
            { Contact(source: " "), "sourceId: missing; every contact needs the id its channel gave it" },
            { Contact(source: new string('x', ContactValidator.MaxSourceIdLength)), null },
            {
                Contact(source: new string('x', ContactValidator.MaxSourceIdLength + 1)),
                "sourceId: longer than 2048 characters"
            },
            { Contact(from: ""), "from: missing; a contact needs the customer's address, number or name" },
            { Contact(at: default(DateTimeOffset)), "receivedAt: missing" },
            { Contact(at: Now.AddMinutes(5)), null },
            {
                Contact(at: Now.AddMinutes(5).AddSeconds(1)),
                "receivedAt: 2026-11-16T02:05:01.0000000+00:00 is in the future (now 2026-11-16T02:00:00.0000000+00:"
                    + "00); times are recorded as they happen"
            },
        };

    [Theory]
    [MemberData(nameof(Contacts))]
    public void AContactIsRefusedForWhatMakesItUnusable(InboundContact contact, string? problem) =>
        Assert.Equal(problem, ContactValidator.Problem(contact, Now));

    private static InputLine Line(string json) => InputJson.Parse(json, Shipped.Policy.TimeZone);

    [Theory]
    [InlineData("refund", null)]
    [InlineData("退款退货", null)]
    [InlineData("Refund or return", null)]
    [InlineData("OTHER", null)]
    [InlineData(
        "refunds",
        "'refunds' is not a configured category; use privacy-leak, payment, system-operation-error, product-mismatch, "
            + "technical-fault, product-quality, logistics-delay, refund, service-attitude, complaint, suggestion, "
            + "usage-question, other"
    )]
    public void ACategoryIsAKeyOrANameOfTheRules(string category, string? problem)
    {
        var contact = Line(
            $$"""{"type":"contact","channel":"chat","sourceId":"c","receivedAt":"2026-11-16T09:00:"""
                + $$"""00","from":"x","category":"{{category}}"}"""
        );
        var change = Line(
            $$"""{"type":"event","ticket":"1","kind":"category","category":"{{category}}","at":"2026-11-16T09:00:"""
                + $$"""00","actor":"a"}"""
        );
        foreach (var line in new[] { contact, change })
        {
            var error = Record.Exception(() => ConfiguredNames.Check(line, Shipped.Rules, Shipped.Policy));
            Assert.Equal(problem, (error as InputException)?.Problem);
        }
    }

    [Fact]
    public void ATierIsOneThePolicyMatchesOrVip()
    {
        var policy = SlaPolicyLoader.Parse(
            "p.json",
            Policies.PolicyJson.WithRules(
                """
                [{"name":"gold","match":{"customerTiers":["Gold","silver"]},"targets":{"firstResponse":"10m"}},
                  {"name":"all","targets":{"firstResponse":"1h"}}]
                """
            )
        );
        InputLine Tier(string tier) =>
            Line(
                $$"""{"type":"contact","channel":"chat","sourceId":"c","receivedAt":"2026-11-16T09:00:"""
                    + $$"""00","from":"x","tier":"{{tier}}"}"""
            );

        ConfiguredNames.Check(Tier("gold"), Shipped.Rules, policy);
        ConfiguredNames.Check(Tier("VIP"), Shipped.Rules, policy);
        var error = Assert.Throws<InputException>(() => ConfiguredNames.Check(Tier("bronze"), Shipped.Rules, policy));
        Assert.Equal(
            ("tier", "'bronze' is not a configured tier; use Gold, silver, vip"),
            (error.Field, error.Problem)
        );
        Assert.Equal(
            "'bronze' is not a configured tier; use vip",
            Assert
                .Throws<InputException>(() =>
                    ConfiguredNames.Check(
                        Tier("bronze"),
                        Shipped.Rules,
                        Shipped.Policy with
                        {
                            Rules = [policy.Rules[1]],
                        }
                    )
                )
                .Problem
        );
    }
}
