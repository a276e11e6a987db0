using System.Diagnostics;
using System.Globalization;

namespace SlaWatch.Benchmarks;

/// <summary>
/// Processor time used by this process and by the benchmark's own Azurite: on a two-core machine the two share the
/// cores, so a path's time is bought down by whichever side uses more. (On the build machine's VM the kernel's counts
/// of the two sum to more than the cores could give: read their ratio, not their sum.)
/// </summary>
internal readonly record struct ProcessorTimes(TimeSpan Ours, TimeSpan? Server)
{
    /// <summary>Now; without <paramref name="storage"/> (a run in process memory), ours alone.</summary>
    public static ProcessorTimes Now(BenchStorage? storage) =>
        new(Process.GetCurrentProcess().TotalProcessorTime, storage?.ServerProcessorTime);

    /// <summary>What each used since <paramref name="start"/>, as a line of the report, with how many of the machine's
    /// cores ours kept busy.</summary>
    public string Since(ProcessorTimes start, TimeSpan wall)
    {
        var ours = (Ours - start.Ours).TotalSeconds;
        var server = Server - start.Server is { } used ? $", Azurite {used.TotalSeconds:0.0} s" : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"  processor time: ours {ours:0.0} s ({ours / wall.TotalSeconds:0.00} of the machine's "
                + $"{Environment.ProcessorCount} cores){server} over {wall.TotalSeconds:0.0} s"
        );
    }
}
