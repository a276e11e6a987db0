namespace SlaWatch.Core.Ports;

/// <summary>The ticket changed since it was loaded; reload and try again.</summary>
public sealed class TicketConflictException(string ticketId)
    : Exception($"Ticket {ticketId} changed while it was being written.")
{
    public string TicketId { get; } = ticketId;
}

/// <summary>The store could not be reached after its bounded retries; nothing was half-written that a re-run cannot
/// finish.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The store answered but refused our credentials (401, 403): retrying will not help; the message names the
/// endpoint and the status.</summary>
public sealed class StorageAccessDeniedException(string message, Exception? inner = null) : Exception(message, inner);
