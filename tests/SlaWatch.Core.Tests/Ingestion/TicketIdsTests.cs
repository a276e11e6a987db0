using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>A ticket's id is the digest of what opened it, whether derived anew or kept from the last time.</summary>
public class TicketIdsTests
{
    [Fact]
    public void AnIdIsItsNamesDigestAsOftenAsItIsAskedAndWhateverWasAskedBetween()
    {
        // Four times the ids kept, twice over in turn, and each again at once: every slot is taken and retaken.
        var names = Enumerable.Range(0, 65_536).Select(i => $"<{i}@example.com>").ToArray();
        for (var round = 0; round < 2; round++)
        {
            foreach (var name in names)
            {
                var (source, thread) = (
                    TicketIds.ForSource(Channel.Email, name),
                    TicketIds.ForThread(Channel.Chat, name)
                );
                Assert.Equal(ShortDigest.Of("t", 12, "email", "\nsource\n", name), source);
                Assert.Equal(ShortDigest.Of("t", 12, "chat", "\nthread\n", name), thread);
                Assert.Equal(source, TicketIds.ForSource(Channel.Email, name));
                Assert.NotEqual(source, TicketIds.ForThread(Channel.Email, name));
                Assert.NotEqual(thread, TicketIds.ForThread(Channel.Phone, name));
            }
        }

        // The digest's own value, so neither side of the comparisons above can drift with the other.
        Assert.Equal(
            "t"
                + Convert.ToHexStringLower(
                    System.Security.Cryptography.SHA256.HashData("email\nsource\n<0@example.com>"u8)[..12]
                ),
            TicketIds.ForSource(Channel.Email, names[0])
        );
    }
}
