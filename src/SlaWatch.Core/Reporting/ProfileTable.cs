using System.Numerics;
using System.Runtime.CompilerServices;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// What decides the dimensions a ticket counts in, its names compared by reference: names are shared
/// (<see cref="Text.NamePool"/>), so a few thousand profiles cover a day. Equal names that are different strings are
/// two profiles with the same dimensions.
/// </summary>
internal readonly record struct ProfileKey(
    Channel Channel,
    Priority Priority,
    string? Category,
    string? Owner,
    string? Executor
)
{
    // The channel is left out: a key's hash reads its names' identities, and a channel compares by its text.
    public int Hash =>
        HashCode.Combine(
            RuntimeHelpers.GetHashCode(Category),
            RuntimeHelpers.GetHashCode(Owner),
            RuntimeHelpers.GetHashCode(Executor),
            Priority
        );

    public bool SameAs(in ProfileKey other) =>
        Priority == other.Priority
        && ReferenceEquals(Category, other.Category)
        && ReferenceEquals(Owner, other.Owner)
        && ReferenceEquals(Executor, other.Executor)
        && Channel == other.Channel;
}

/// <summary>Where a profile's tallies lie in a fold's list of them: every dimension it counts in, the last of them the
/// parts a ticket is added to. None (no dimensions) in the default value.</summary>
internal readonly record struct ProfileTallies(int Start, short Dimensions, short Parts);

/// <summary>
/// The profiles a fold has met, each with where its tallies lie: one slot holds a key and its value side by side, so a
/// ticket's profile is found with one read of memory where a dictionary's bucket, entry and value object would take
/// three, each waiting on memory for the tens of thousands of tickets of a day.
/// </summary>
internal sealed class ProfileTable
{
    private Slot[] _slots = new Slot[64];
    private int _count;

    public int Count => _count;

    public bool TryGet(in ProfileKey key, out ProfileTallies value)
    {
        var mask = _slots.Length - 1;
        for (var at = key.Hash & mask; ; at = (at + 1) & mask)
        {
            ref readonly var slot = ref _slots[at];
            if (slot.IsEmpty)
            {
                value = default;
                return false;
            }

            if (slot.Key.SameAs(key))
            {
                value = slot.Value;
                return true;
            }
        }
    }

    /// <summary>Adds a key the table does not hold, with a value that is not the default.</summary>
    public void Add(in ProfileKey key, ProfileTallies value)
    {
        // At most half full, so a lookup rarely reads past the slot it lands on.
        if (2 * (_count + 1) > _slots.Length)
        {
            var old = _slots;
            _slots = new Slot[2 * old.Length];
            foreach (var slot in old)
            {
                if (!slot.IsEmpty)
                {
                    Place(slot);
                }
            }
        }

        Place(new Slot(key, value));
        _count++;
    }

    private void Place(in Slot slot)
    {
        var mask = _slots.Length - 1;
        var at = slot.Key.Hash & mask;
        while (!_slots[at].IsEmpty)
        {
            at = (at + 1) & mask;
        }

        _slots[at] = slot;
    }

    private readonly record struct Slot(ProfileKey Key, ProfileTallies Value)
    {
        public bool IsEmpty => Value.Dimensions == 0;
    }
}
