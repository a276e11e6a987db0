using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>One parsed input: a contact, or an event for a ticket named by number or id.</summary>
public abstract record InputLine;

public sealed record ContactLine(InboundContact Contact) : InputLine;

public sealed record EventLine(string Ticket, TicketEvent Event) : InputLine;

/// <summary>An input that does not parse, naming the field at fault.</summary>
public sealed class InputException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
