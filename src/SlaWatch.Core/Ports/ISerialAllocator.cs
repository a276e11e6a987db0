namespace SlaWatch.Core.Ports;

/// <summary>Hands out ticket serials of a local day, never the same one twice, across processes.</summary>
public interface ISerialAllocator
{
    ValueTask<int> NextAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Gives back a serial that was not used (its ticket turned out to exist), to be handed out
    /// again.</summary>
    void GiveBack(DateOnly day, int serial);
}
