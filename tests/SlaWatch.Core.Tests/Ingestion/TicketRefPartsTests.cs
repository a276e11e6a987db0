using SlaWatch.Core.Ingestion;

namespace SlaWatch.Core.Tests.Ingestion;

public class TicketRefPartsTests
{
    [Theory]
    [InlineData("source:email:<m1@x>", false, "email", "<m1@x>")]
    [InlineData("thread:chat:chatwoot:inbox-1:42", true, "chat", "chatwoot:inbox-1:42")]
    [InlineData("source:email:", false, "email", "")]
    public void ASourceOrThreadReferenceIsItsKindChannelAndRest(string text, bool thread, string channel, string key)
    {
        Assert.True(TicketIds.TryRefParts(text, out var isThread, out var name, out var rest));
        Assert.Equal((thread, channel, key), (isThread, name.ToString(), rest));
    }

    [Theory]
    [InlineData("20261116-001")]
    [InlineData("t0123456789abcdef01234567")]
    [InlineData("source:email")]
    [InlineData("ref:email:<m1@x>")]
    public void AnyOtherReferenceIsNot(string text) => Assert.False(TicketIds.TryRefParts(text, out _, out _, out _));
}
