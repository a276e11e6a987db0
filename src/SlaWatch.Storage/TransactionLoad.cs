namespace SlaWatch.Storage;

/// <summary>
/// What an entity-group transaction gathered so far carries, against what one may: 100 entities, and 4 MiB of request,
/// of which the rows are let fill half (the request's own framing and escaping take the rest). Every writer that
/// gathers rows into transactions cuts them here.
/// </summary>
internal readonly record struct TransactionLoad(int Actions, long Bytes)
{
    public const int MaxActions = 100;

    public const long MaxBytes = 2_000_000;

    /// <summary>Whether rows of this many actions and bytes go in too; an empty transaction takes anything, so a row
    /// too large fails on its own.</summary>
    public bool Admits(int actions, long bytes) =>
        Actions == 0 || (Actions + actions <= MaxActions && Bytes + bytes <= MaxBytes);

    public TransactionLoad With(int actions, long bytes) => new(Actions + actions, Bytes + bytes);
}
