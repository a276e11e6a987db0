using System.Globalization;
using System.Text;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Ports;

/// <summary>An input that could not be accepted, kept whole with the reason, so nothing a customer sent is
/// lost.</summary>
public sealed record QuarantinedInput(string Channel, DateTimeOffset At, string Origin, string Reason, string Raw)
{
    /// <summary>
    /// The most of an input a quarantine keeps: 256 Ki characters fit one storage transaction in any script. Authentic
    /// input is bounded by the channels far below this; what passes it is kept as a head with its size and hash.
    /// </summary>
    public const int MaxKeptChars = 256 * 1024;

    public string? Id { get; init; }

    /// <summary>Set when the input was authentic and only waited for its ticket: a retry records it.</summary>
    public PendingEvent? Pending { get; init; }

    /// <summary>
    /// What is kept of input that failed authentication or was too large to read: its size and SHA-256, not its
    /// content (nobody can tell it came from a customer, and a stranger must not be able to fill the store).
    /// </summary>
    public static QuarantinedInput NotKept(
        string channel,
        DateTimeOffset at,
        string origin,
        string reason,
        ReadOnlySpan<byte> body
    ) =>
        new(
            channel,
            at,
            origin,
            reason,
            NotKeptText(body.Length, ShortDigest.OfBytes(string.Empty, ShortDigest.Whole, body))
        );

    /// <summary>What is kept of a line refused unread for its length: its refusal names its length and hash.</summary>
    public static QuarantinedInput LineNotKept(
        string channel,
        DateTimeOffset at,
        string origin,
        Text.BoundedLine line,
        int maxChars
    )
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(channel, at, origin, line.Refusal(maxChars), LineNotKeptText);
    }

    /// <summary>The text kept for a line too long to read.</summary>
    public const string LineNotKeptText = "line not kept";

    /// <summary>What is recorded in place of a body that is not kept.</summary>
    public static string NotKeptText(long size, string sha256) =>
        string.Create(CultureInfo.InvariantCulture, $"body not kept: {size} bytes, sha256 {sha256}");

    /// <summary>This input with at most <see cref="MaxKeptChars"/> of it kept, the rest named by its size and
    /// hash.</summary>
    public QuarantinedInput Bounded()
    {
        if (Raw.Length <= MaxKeptChars)
        {
            return this;
        }

        // Never half a surrogate pair: the head must stay valid text.
        var kept = char.IsHighSurrogate(Raw[MaxKeptChars - 1]) ? MaxKeptChars - 1 : MaxKeptChars;
        var whole = Encoding.UTF8.GetBytes(Raw);
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"\n[not kept: {Raw.Length - kept} more characters; the whole input was {whole.Length} bytes, sha256 "
                + $"{ShortDigest.OfBytes(string.Empty, ShortDigest.Whole, whole)}]"
        );
        return this with { Raw = Raw[..kept] + note };
    }
}
