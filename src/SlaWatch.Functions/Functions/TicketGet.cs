using SlaWatch.Functions.Hosting;
using SlaWatch.Storage;

namespace SlaWatch.Functions.Functions;

/// <summary>GET /api/tickets/{idOrNumber}: the ticket, its events and its clocks now, or 404.</summary>
internal static class TicketGet
{
    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        var reference = invocation.Http().Params.GetValueOrDefault("idOrNumber") ?? string.Empty;
        var stored = await app.Tickets.Events.FindAsync(reference, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? InvocationResult.Refused(404, $"no ticket {reference}")
            : InvocationResult.Http(200, TicketDocument.Of(stored, app.Policy, app.Time.GetUtcNow()));
    }
}
