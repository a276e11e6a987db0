using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SlaWatch.Benchmarks;

/// <summary>
/// Entities written and read per table partition and per hour of a clock (a replay's virtual one): what Table
/// Storage's per-partition targets count. Point requests name their partition in the URL; a batch's is in its body
/// (one partition per batch); a query's entities are counted in its answer.
/// </summary>
internal sealed partial class PartitionLoad(string tablePrefix, Func<DateTimeOffset> clock) : HttpPipelinePolicy
{
    public readonly record struct Key(string Table, string Partition, DateTimeOffset Hour);

    private readonly ConcurrentDictionary<Key, (long Writes, long Reads)> _load = new();

    public IReadOnlyDictionary<Key, (long Writes, long Reads)> Load => _load;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Record(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Record(message);
    }

    private void Record(HttpMessage message)
    {
        if (!message.HasResponse || message.Response.Status >= 400)
        {
            return;
        }

        var now = clock();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        var last = path[(path.LastIndexOf('/') + 1)..];
        if (last == "$batch")
        {
            var body = BodyOf(message.Request.Content);
            var changes = BatchChange().Matches(body);

            if (changes.Count > 0)
            {
                var url = changes[0].Groups["url"].Value;
                var inner = url.Split('?')[0];
                var (table, partition) = Target(inner[(inner.LastIndexOf('/') + 1)..], body);
                Add(new Key(table, partition, hour), changes.Count, 0);
            }

            return;
        }

        var target = Target(
            last,
            message.Request.Method == RequestMethod.Post ? BodyOf(message.Request.Content) : string.Empty
        );
        if (target.Table.Length == 0 || target.Table == "Tables")
        {
            return;
        }

        if (message.Request.Method != RequestMethod.Get)
        {
            Add(new Key(target.Table, target.Partition, hour), 1, 0);
            return;
        }

        if (target.Partition.Length > 0)
        {
            Add(new Key(target.Table, target.Partition, hour), 0, 1);
            return;
        }

        // A query: its filter names one partition or a range of them; what it returned is what it read.
        var query = Uri.UnescapeDataString(message.Request.Uri.Query);
        var named = FilterPartition().Match(query);
        var returned = Regex.Count(message.Response.Content.ToString(), "\"odata.etag\"");
        Add(
            new Key(target.Table, named.Success ? named.Groups["pk"].Value : "(range)", hour),
            0,
            Math.Max(1, returned)
        );
    }

    private void Add(Key key, long writes, long reads) =>
        _load.AddOrUpdate(key, (writes, reads), (_, total) => (total.Writes + writes, total.Reads + reads));

    /// <summary>The table (its prefix taken off) and partition of <c>Table(PartitionKey='…',RowKey='…')</c>, else of an
    /// inserted entity.</summary>
    private (string Table, string Partition) Target(string segment, string body)
    {
        var paren = segment.IndexOf('(', StringComparison.Ordinal);
        var name = paren >= 0 ? segment[..paren] : segment;
        var table = name.StartsWith(tablePrefix, StringComparison.Ordinal) ? name[tablePrefix.Length..] : name;
        var inUrl = UrlPartition().Match(segment);
        if (inUrl.Success)
        {
            return (table, inUrl.Groups["pk"].Value.Replace("''", "'", StringComparison.Ordinal));
        }

        var inBody = BodyPartition().Match(body);
        return (table, inBody.Success ? inBody.Groups["pk"].Value : string.Empty);
    }

    private static string BodyOf(RequestContent? content)
    {
        if (content is null)
        {
            return string.Empty;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        return Uri.UnescapeDataString(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [GeneratedRegex(@"^(POST|PUT|PATCH|MERGE|DELETE) (?<url>\S+) HTTP/1\.1", RegexOptions.Multiline)]
    private static partial Regex BatchChange();

    [GeneratedRegex(@"PartitionKey='(?<pk>(?:[^']|'')*)'")]
    private static partial Regex UrlPartition();

    [GeneratedRegex(@"""PartitionKey""\s*:\s*""(?<pk>[^""]*)""")]
    private static partial Regex BodyPartition();

    [GeneratedRegex(@"PartitionKey eq '(?<pk>[^']*)'")]
    private static partial Regex FilterPartition();
}
