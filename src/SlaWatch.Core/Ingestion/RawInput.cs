using System.Text;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// What was sent, as it is kept if it is refused: its text, or its bytes made text only then. Nearly nothing sent is
/// refused: made text on arrival, a chat delivery's body and a mail's bytes in base64 (more than twice the mail's
/// size) were a string an input for nothing.
/// </summary>
public readonly struct RawInput : IEquatable<RawInput>
{
    private readonly string? _text;
    private readonly byte[]? _bytes;
    private readonly Func<byte[], string>? _asText;

    private RawInput(string? text, byte[]? bytes, Func<byte[], string>? asText) =>
        (_text, _bytes, _asText) = (text, bytes, asText);

    /// <summary>Nothing sent as such: what is kept of a refusal is then described from what was read.</summary>
    public static RawInput None => default;

    /// <summary>The text; null for <see cref="None"/>.</summary>
    public string? Text => _text ?? (_bytes is null ? null : _asText!(_bytes));

    public static RawInput FromString(string? text) => new(text, null, null);

    /// <summary>Bytes that are UTF-8 text.</summary>
    public static RawInput FromUtf8(byte[] bytes) => Of(bytes, static utf8 => Encoding.UTF8.GetString(utf8));

    /// <summary>Bytes, made text by <paramref name="asText"/> when asked (a static method: no closure an input).
    /// </summary>
    public static RawInput Of(byte[] bytes, Func<byte[], string> asText)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(asText);
        return new(null, bytes, asText);
    }

    public static implicit operator RawInput(string? text) => FromString(text);

    public bool Equals(RawInput other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RawInput other && Equals(other);

    public override int GetHashCode() => Text is { } text ? StringComparer.Ordinal.GetHashCode(text) : 0;

    public static bool operator ==(RawInput left, RawInput right) => left.Equals(right);

    public static bool operator !=(RawInput left, RawInput right) => !left.Equals(right);
}
