using System.Runtime.InteropServices;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// Who contacted us about what, recently: a contact is a repeat when the same customer raised the same category
/// within the window before it (default 30 days).
/// </summary>
/// <remarks>
/// A report asks once for each ticket, of a history as large as a month of contacts, and waits on memory rather than
/// on work: one lookup by customer finds where their contacts lie side by side (instants and category numbers), and
/// the lookup is apart from the question, so a report can look up the customers of many tickets in one tight loop,
/// where the processor fetches several at once.
/// </remarks>
public sealed class RepeatHistory
{
    private readonly CustomerTable _customers;
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly (long Ticks, int Category)[] _contacts;
    private readonly long _window;
    private readonly Scratch _scratch;
    private bool _handedOn;

    public RepeatHistory(IEnumerable<DayEntry> arrivals, TimeSpan window)
        : this(arrivals, window, handedOn: null) { }

    /// <summary>
    /// A history built in the memory of <paramref name="handedOn"/>, which is asked nothing after (a report's block
    /// before this one): each block's history covers two months of contacts in large objects, and made anew for every
    /// block they waited for a full collection, hundreds of megabytes over a year's reports.
    /// </summary>
    internal RepeatHistory(IEnumerable<DayEntry> arrivals, TimeSpan window, RepeatHistory? handedOn)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        _window = window.Ticks;
        if (handedOn is not null)
        {
            ObjectDisposedException.ThrowIf(handedOn._handedOn, handedOn);
            handedOn._handedOn = true;
        }

        // Sized from the start when the count is known: grown by doubling, they left their smaller arrays behind.
        var known = arrivals.TryGetNonEnumeratedCount(out var count) ? count : 0;
        _scratch = handedOn?._scratch.Cleared() ?? new Scratch(known);
        var (contacts, customers, found) = (_scratch.Contacts, _scratch.Customers, _scratch.Found);
        foreach (var entry in arrivals)
        {
            if (entry.CustomerKey is { } customer && entry.ReceivedAt is { } at)
            {
                // Until all are counted, Start numbers the customer.
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(found, customer, out var seen);
                if (!seen)
                {
                    slot = new Contacts(customers.Count, 0);
                    customers.Add(customer);
                }

                slot = slot with { Count = slot.Count + 1 };
                contacts.Add((slot.Start, at.UtcTicks, CategoryNumber(entry.Category ?? "other", add: true)));
            }
        }

        var starts = new int[customers.Count];
        for (int number = 0, next = 0; number < customers.Count; number++)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(found, customers[number]);
            (starts[number], next) = (next, next + slot.Count);
            slot = slot with { Start = starts[number] };
        }

        // A customer's contacts are read by where they start and how many there are: a longer array serves as well.
        _contacts = HandedOnArrays.AtLeast(handedOn?._contacts, contacts.Count);
        foreach (var (customer, ticks, category) in contacts)
        {
            _contacts[starts[customer]++] = (ticks, category);
        }

        _customers = new CustomerTable(found, handedOn?._customers);
    }

    /// <summary>What a history is built with and may hand on to the next: kept, cleared, not made again.</summary>
    private sealed class Scratch(int capacity)
    {
        public List<(int Customer, long Ticks, int Category)> Contacts { get; } = new(capacity);

        public List<string> Customers { get; } = new(capacity);

        public Dictionary<string, Contacts> Found { get; } = new(capacity, StringComparer.Ordinal);

        public Scratch Cleared()
        {
            Contacts.Clear();
            Customers.Clear();
            Found.Clear();
            return this;
        }
    }

    /// <summary>Where a customer's contacts lie; none when the history does not know them.</summary>
    public readonly record struct Contacts(int Start, int Count);

    public Contacts Of(string customerKey)
    {
        ObjectDisposedException.ThrowIf(_handedOn, this);
        return _customers.Of(customerKey);
    }

    /// <summary>Each customer's contacts (none for a null key), looked up together: see
    /// <see cref="CustomerTable.OfEach"/>.</summary>
    public void OfEach(ReadOnlySpan<string?> customerKeys, Span<Contacts> found)
    {
        ObjectDisposedException.ThrowIf(_handedOn, this);
        _customers.OfEach(customerKeys, found);
    }

    public bool IsRepeat(string customerKey, string? category, DateTimeOffset receivedAt) =>
        IsRepeat(Of(customerKey), CategoryOf(category), receivedAt);

    /// <summary>A category as the history numbers its contacts' categories: looked up once, asked of many
    /// contacts.</summary>
    public readonly record struct Category(int Number);

    /// <summary>A category the history never saw matches no earlier contact.</summary>
    public Category CategoryOf(string? category) => new(CategoryNumber(category ?? "other", add: false));

    /// <param name="contacts">The customer's contacts, as <see cref="Of"/> found them.</param>
    public bool IsRepeat(Contacts contacts, Category category, DateTimeOffset receivedAt)
    {
        ObjectDisposedException.ThrowIf(_handedOn, this);
        var at = receivedAt.UtcTicks;
        for (var i = contacts.Start; i < contacts.Start + contacts.Count; i++)
        {
            var (ticks, categoryOf) = _contacts[i];
            if (categoryOf == category.Number && ticks < at && at - ticks <= _window)
            {
                return true;
            }
        }

        return false;
    }

    private int CategoryNumber(string category, bool add)
    {
        if (_categories.TryGetValue(category, out var number))
        {
            return number;
        }

        if (!add)
        {
            return int.MaxValue;
        }

        _categories[category] = number = _categories.Count;
        return number;
    }
}
