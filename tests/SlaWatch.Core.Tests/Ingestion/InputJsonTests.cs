using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Ingestion;

public class InputJsonTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void AContactLineBecomesAnInboundContact()
    {
        var line = InputJson.Parse(
            """
            {"type":"contact","channel":"邮件","sourceId":"<m1@x>","receivedAt":"2026-11-16T09:30","from":"13912341522",
             "subject":"无法登录","references":["<a@x>","<b@x>"],"priority":"紧急","category":"technical-fault","tier":"vip"}
            """,
            Shanghai
        );

        var contact = Assert.IsType<ContactLine>(line).Contact;
        Assert.Equal(Channel.Email, contact.Channel);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 1, 30, 0, TimeSpan.Zero), contact.ReceivedAt);
        Assert.Equal(["<a@x>", "<b@x>"], contact.References);
        Assert.Equal(
            (Priority.Urgent, "technical-fault", "vip"),
            (contact.Priority!.Value, contact.Category, contact.CustomerTier)
        );
    }

    /// <summary>
    /// The years a record may carry are years of instants: an offset moves a time to UTC, never to the server's zone.
    /// (The build runs Core's tests a second time in Asia/Shanghai, where a local reading would differ.)
    /// </summary>
    [Theory]
    [InlineData("2100-01-01T06:00:00+08:00", "2099-12-31T22:00:00+00:00")]
    [InlineData("2000-01-01T00:30:00-01:00", "2000-01-01T01:30:00+00:00")]
    [InlineData("2099-12-31T23:59:59Z", "2099-12-31T23:59:59+00:00")]
    public void AnInstantNearTheEdgeOfTheYearsIsJudgedInUtcWhateverTheServersZone(string at, string utc)
    {
        var line = InputJson.Parse(
            $$"""{"type":"contact","channel":"email","sourceId":"<e@x>","receivedAt":"{{at}}","from":"a@x"}""",
            Shanghai
        );

        Assert.Equal(
            DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture),
            Assert.IsType<ContactLine>(line).Contact.ReceivedAt
        );
    }

    [Theory]
    [InlineData("""{"kind":"satisfaction","rating":"满意"}""", 3, 3)]
    [InlineData("""{"kind":"satisfaction","rating":"不满意"}""", 1, 3)]
    [InlineData("""{"kind":"satisfaction","rating":4}""", 4, 5)]
    [InlineData("""{"kind":"satisfaction","rating":9,"scale":10}""", 9, 10)]
    public void RatingsAcceptTheThreeLevelsAndNumericScales(string fields, int score, int scale)
    {
        var json = fields.Replace(
            "{",
            """{"type":"event","ticket":"20261116-001","at":"2026-11-16T10:00:00+08:00","actor":"customer",""",
            StringComparison.Ordinal
        );
        var rating = Assert.IsType<SatisfactionRated>(Assert.IsType<EventLine>(InputJson.Parse(json, Shanghai)).Event);
        Assert.Equal((score, scale), (rating.Score, rating.ScaleMax));
    }

    [Theory]
    [InlineData(
        """{"type":"event","ticket":"1","kind":"status","status":"已解决","solution":"重置密码","at":"2026-11-16T10:00:"""
            + """00Z","actor":"a"}""",
        typeof(StatusChanged)
    )]
    [InlineData(
        """{"type":"event","ticket":"1","kind":"customerConfirmed","outcome":"部分解决","at":"2026-11-16T10:00:"""
            + """00Z","actor":"a"}""",
        typeof(CustomerConfirmed)
    )]
    [InlineData(
        """{"type":"event","ticket":"1","kind":"resolutionPromised","promisedBy":"2026-11-17T18:00:00+08:"""
            + """00","at":"2026-11-16T10:00:00Z","actor":"a"}""",
        typeof(ResolutionPromised)
    )]
    [InlineData(
        """{"type":"event","ticket":"1","kind":"overdueReason","reason":"agent busy","metric":"firstResponse","a"""
            + """t":"2026-11-16T10:00:00Z","actor":"a"}""",
        typeof(OverdueReason)
    )]
    [InlineData(
        """{"type":"event","ticket":"1","kind":"escalated","metric":"resolution","level":2,"at":"2026-11-16T10:00:"""
            + """00Z","actor":"a"}""",
        typeof(Escalated)
    )]
    public void EveryEventKindParses(string json, Type expected) =>
        Assert.IsType(expected, Assert.IsType<EventLine>(InputJson.Parse(json, Shanghai)).Event);

    [Theory]
    [InlineData(
        """{"type":"contact","channel":"fax","sourceId":"x","receivedAt":"2026-11-16T09:30:00Z","from":"a"}""",
        "channel"
    )]
    [InlineData("""{"type":"contact","channel":"email","receivedAt":"2026-11-16T09:30:00Z","from":"a"}""", "sourceId")]
    [InlineData(
        """{"type":"contact","channel":"email","sourceId":"x","receivedAt":"yesterday","from":"a"}""",
        "receivedAt"
    )]
    [InlineData(
        """{"type":"contact","channel":"email","sourceId":"x","receivedAt":"2026-11-16T09:30:"""
            + """00Z","from":"a","references":"<a@x>"}""",
        "references"
    )]
    [InlineData(
        """{"type":"contact","channel":"email","sourceId":"x","receivedAt":"2026-11-16T09:30:"""
            + """00Z","from":"a","priority":"p1"}""",
        "priority"
    )]
    [InlineData("""{"type":"event","ticket":"1","kind":"wave","at":"2026-11-16T10:00:00Z","actor":"a"}""", "kind")]
    [InlineData(
        """{"type":"event","ticket":"1","kind":"status","status":"done","at":"2026-11-16T10:00:00Z","actor":"a"}""",
        "status"
    )]
    [InlineData(
        """{"type":"event","ticket":"1","kind":"escalated","metric":"resolution","at":"2026-11-16T10:00:"""
            + """00Z","actor":"a"}""",
        "level"
    )]
    [InlineData("""{"type":"event","kind":"acknowledged","at":"2026-11-16T10:00:00Z","actor":"a"}""", "ticket")]
    [InlineData("""{"type":"note"}""", "type")]
    [InlineData("""[1,2]""", "json")]
    [InlineData("""{"type":""", "json")]
    public void BadLinesNameTheFieldAtFault(string json, string field) =>
        Assert.Equal(field, Assert.Throws<InputException>(() => InputJson.Parse(json, Shanghai)).Field);
}
