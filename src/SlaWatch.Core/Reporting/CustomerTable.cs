using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// Where each customer's contacts lie in a <see cref="RepeatHistory"/>, found with one read of memory: a key of at most
/// <see cref="LongestInline"/> ASCII characters (a customer key is <c>c-</c> and 20 hex digits) is kept in its slot
/// itself, packed into three words, so a lookup compares words in the slot it lands on instead of following a
/// dictionary's bucket to its entry and the entry to its key's string. Other keys are kept in a dictionary. Exact
/// either way: a packed key is its characters.
/// </summary>
internal sealed class CustomerTable
{
    /// <summary>The longest key kept in a slot; its last byte holds the key's length.</summary>
    public const int LongestInline = 23;

    private readonly Slot[] _slots;
    private readonly int _shift;
    private readonly Dictionary<string, RepeatHistory.Contacts> _others = new(StringComparer.Ordinal);

    /// <param name="handedOn">A table asked nothing after: its slots are cleared and used again when there are
    /// enough of them.</param>
    public CustomerTable(IReadOnlyDictionary<string, RepeatHistory.Contacts> customers, CustomerTable? handedOn = null)
    {
        // At most half full, so a lookup rarely reads past the slot it lands on.
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * customers.Count));
        // Slots kept from a table handed on may be more than asked: a power of two all the same, and emptier.
        _slots = HandedOnArrays.AtLeast(handedOn?._slots, capacity);
        _shift = 64 - BitOperations.Log2((uint)_slots.Length);
        foreach (var (key, contacts) in customers)
        {
            if (!TryPack(key, out var packed))
            {
                _others[key] = contacts;
                continue;
            }

            var at = Home(packed);
            while (_slots[at].Key.Length != 0)
            {
                at = (at + 1) & (_slots.Length - 1);
            }

            _slots[at] = new Slot(packed, contacts);
        }
    }

    /// <summary>The customer's contacts; none when the table does not know them.</summary>
    public RepeatHistory.Contacts Of(string key) =>
        TryPack(key, out var packed) ? Probe(packed, Home(packed)) : Other(key);

    /// <summary>
    /// Each key's contacts (none for a null key), found side by side: every key is packed and hashed before any slot
    /// is read, and the slots are then read in a loop of little else, where the processor waits on several at once.
    /// </summary>
    public void OfEach(ReadOnlySpan<string?> keys, Span<RepeatHistory.Contacts> found)
    {
        Span<Packed> packed = keys.Length <= 512 ? stackalloc Packed[keys.Length] : new Packed[keys.Length];
        Span<int> homes = keys.Length <= 512 ? stackalloc int[keys.Length] : new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            // No home: no key, or a key kept aside.
            homes[i] = keys[i] is { } key && TryPack(key, out packed[i]) ? Home(packed[i]) : -1;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            found[i] =
                homes[i] >= 0 ? Probe(packed[i], homes[i])
                : keys[i] is { } key ? Other(key)
                : default;
        }
    }

    private RepeatHistory.Contacts Probe(Packed key, int home)
    {
        for (var at = home; ; at = (at + 1) & (_slots.Length - 1))
        {
            ref readonly var slot = ref _slots[at];
            if (slot.Key == key)
            {
                return slot.Contacts;
            }

            if (slot.Key.Length == 0)
            {
                return default;
            }
        }
    }

    private RepeatHistory.Contacts Other(string key) => _others.TryGetValue(key, out var other) ? other : default;

    private int Home(Packed key) =>
        (int)(
            ((key.A * 0x9E3779B97F4A7C15UL) ^ (key.B * 0xC2B2AE3D27D4EB4FUL) ^ (key.C * 0x165667B19E3779F9UL)) >> _shift
        );

    private static bool TryPack(string key, out Packed packed)
    {
        packed = default;
        if (key.Length is 0 or > LongestInline)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[24];
        bytes.Clear();
        if (Ascii.FromUtf16(key, bytes, out _) != OperationStatus.Done)
        {
            return false;
        }

        bytes[^1] = (byte)key.Length;
        packed = new Packed(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..])
        );
        return true;
    }

    /// <summary>A key's bytes, zero after its end, its length in the last byte (zero: an empty slot).</summary>
    private readonly record struct Packed(ulong A, ulong B, ulong C)
    {
        public int Length => (int)(C >> 56);
    }

    private readonly record struct Slot(Packed Key, RepeatHistory.Contacts Contacts);
}
