using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage;

/// <summary>
/// Ticket serials from a per-day counter row (Serials / <c>serial</c> / <c>yyyyMMdd</c>, property <c>Next</c>),
/// reserved in blocks by conditional updates so several processes never share one. The block grows while serials are
/// used quickly (up to 64) and shrinks when they are not, so a busy ingester pays one round trip per block and a quiet
/// one wastes little. A serial given back is handed out again; on dispose the unused tail of the block is returned to
/// the counter when no one reserved after it, so a single process leaves no gaps.
/// </summary>
public sealed class TableSerialAllocator(TableStorage storage, TimeProvider time) : ISerialAllocator, IAsyncDisposable
{
    private const string Partition = "serial";
    private const int MaxBlock = 64;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<DateOnly, DayBlock> _days = [];

    private sealed class DayBlock
    {
        public int Next;
        public int End;
        public int Size = 1;
        public DateTimeOffset ReservedAt;
        public ETag? CounterVersion;
        public readonly SortedSet<int> GivenBack = [];
    }

    public async ValueTask<int> NextAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_days.TryGetValue(day, out var block))
            {
                block = _days[day] = new DayBlock();
            }

            if (block.GivenBack.Count > 0)
            {
                var reused = block.GivenBack.Min;
                block.GivenBack.Remove(reused);
                return reused;
            }

            if (block.Next >= block.End)
            {
                await ReserveAsync(day, block, cancellationToken).ConfigureAwait(false);
            }

            return block.Next++;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void GiveBack(DateOnly day, int serial)
    {
        _gate.Wait();
        try
        {
            if (_days.TryGetValue(day, out var block))
            {
                block.GivenBack.Add(serial);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Returns the unused tail of each block to its counter, when no other process reserved after
    /// it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReturnTailsAsync().ConfigureAwait(false);
        }
        catch (Exception error)
            when (error
                    is StorageUnavailableException
                        or StorageAccessDeniedException
                        or RequestFailedException
                        or Azure.Identity.AuthenticationFailedException
            )
        {
            // The store is gone or refuses us: the unused serials stay a gap, which is harmless.
        }

        _gate.Dispose();
    }

    private async Task ReturnTailsAsync()
    {
        if (_days.Count == 0)
        {
            return;
        }

        var table = await storage.TableAsync(TableStorage.Serials).ConfigureAwait(false);
        foreach (var (day, block) in _days)
        {
            var firstUnused =
                block.GivenBack.Count > 0 && block.GivenBack.Max == block.Next - 1 ? Contiguous(block) : block.Next;
            if (firstUnused >= block.End || block.CounterVersion is not { } version)
            {
                continue;
            }

            var row = new TableEntity(Partition, Key(day)) { ["Next"] = firstUnused };
            try
            {
                await table.UpdateEntityAsync(row, version, TableUpdateMode.Replace).ConfigureAwait(false);
            }
            catch (RequestFailedException error) when (error.Status is 412 or 404)
            {
                // Someone reserved after us: the tail stays a gap rather than risking a serial twice.
            }
            catch (Exception error) when (error is HttpRequestException or IOException)
            {
                throw new StorageUnavailableException(error.Message, error);
            }
        }
    }

    private static int Contiguous(DayBlock block)
    {
        var first = block.Next;
        while (block.GivenBack.Contains(first - 1))
        {
            first--;
        }

        return first;
    }

    private async Task ReserveAsync(DateOnly day, DayBlock block, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        block.Size =
            block.ReservedAt != default && now - block.ReservedAt < TimeSpan.FromSeconds(1)
                ? Math.Min(MaxBlock, block.Size * 2)
                : Math.Max(1, block.Size / 2);
        var table = await storage.TableAsync(TableStorage.Serials, cancellationToken).ConfigureAwait(false);
        await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        if (block.CounterVersion is null)
                        {
                            var existing = await table
                                .GetEntityIfExistsAsync<TableEntity>(
                                    Partition,
                                    Key(day),
                                    cancellationToken: cancellationToken
                                )
                                .ConfigureAwait(false);
                            if (!existing.HasValue)
                            {
                                try
                                {
                                    var created = await table
                                        .AddEntityAsync(
                                            new TableEntity(Partition, Key(day)) { ["Next"] = 1 + block.Size },
                                            cancellationToken
                                        )
                                        .ConfigureAwait(false);
                                    Take(block, 1, created.Headers.ETag, now);
                                    return;
                                }
                                catch (RequestFailedException error) when (error.Status == 409)
                                {
                                    continue;
                                }
                            }

                            block.Next = block.End = existing.Value!.GetInt32("Next") ?? 1;
                            block.CounterVersion = existing.Value.ETag;
                        }

                        var start = block.End;
                        try
                        {
                            var updated = await table
                                .UpdateEntityAsync(
                                    new TableEntity(Partition, Key(day)) { ["Next"] = start + block.Size },
                                    block.CounterVersion.Value,
                                    TableUpdateMode.Replace,
                                    cancellationToken
                                )
                                .ConfigureAwait(false);
                            Take(block, start, updated.Headers.ETag, now);
                            return;
                        }
                        catch (RequestFailedException error) when (error.Status is 412 or 404 && attempt < 100)
                        {
                            block.CounterVersion = null;
                        }
                    }
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private static void Take(DayBlock block, int start, ETag? version, DateTimeOffset now)
    {
        block.Next = start;
        block.End = start + block.Size;
        block.CounterVersion = version;
        block.ReservedAt = now;
    }

    private static string Key(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
