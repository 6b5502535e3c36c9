using System.Diagnostics;
using System.Globalization;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// <c>--interleaved CallBenchmarks get</c> (or <c>ListBenchmarks 10000</c>): the cases of one
/// BenchmarkDotNet category measured in turns rather than one after the other. Each round gives
/// every case a slice of the same length, in an order that rotates; a case's time per call in a
/// round is divided by the baseline's in the same round, so a machine that speeds up or slows
/// down between rounds (as shared virtual machines do, by tens of percent over seconds) moves
/// both alike. Prints, per case, the median and the quartiles of those ratios, and the bytes
/// allocated per call. A check on BenchmarkDotNet's ratios, not a replacement for them.
/// </summary>
internal static class Interleaved
{
    public static async Task<int> RunAsync(string className, string category, int rounds, TimeSpan slice)
    {
        var isList = className == nameof(ListBenchmarks);
        using var cases = BenchmarkCases.Create(className, isList ? category : null);
        var contestants = cases.Category(isList ? null : category);
        if (contestants.Count < 2)
        {
            Console.Error.WriteLine($"interleaved: {className} {category} has fewer than two cases");
            return 1;
        }

        // Warm-up: every case runs long enough to reach its optimized code.
        foreach (var (_, call) in contestants)
        {
            await RunSliceAsync(call, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }

        var ratios = contestants.Select(_ => new List<double>()).ToArray();
        var bytes = new double[contestants.Count];
        for (var round = 0; round < rounds; round++)
        {
            var perCall = new double[contestants.Count];
            for (var turn = 0; turn < contestants.Count; turn++)
            {
                var index = (turn + round) % contestants.Count;
                var (seconds, calls, allocated) = await RunSliceAsync(contestants[index].Call, slice).ConfigureAwait(false);
                perCall[index] = seconds / calls;
                bytes[index] += (double)allocated / calls / rounds;
            }

            for (var i = 0; i < contestants.Count; i++)
            {
                ratios[i].Add(perCall[i] / perCall[0]);
            }
        }

        for (var i = 0; i < contestants.Count; i++)
        {
            var sorted = ratios[i].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"interleaved, {className} {category}, {contestants[i].Name,-38}: time ratio median {Quantile(sorted, 0.5):F2} (quartiles {Quantile(sorted, 0.25):F2}–{Quantile(sorted, 0.75):F2}), {bytes[i] / 1024:F2} KB per call, allocation ratio {bytes[i] / bytes[0]:F2}"));
        }

        return 0;
    }

    private static async Task<(double Seconds, long Calls, long Allocated)> RunSliceAsync(Func<Task> call, TimeSpan slice)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var calls = 0L;
        var watch = Stopwatch.StartNew();
        do
        {
            for (var i = 0; i < 16; i++)
            {
                await call().ConfigureAwait(false);
            }

            calls += 16;
        }
        while (watch.Elapsed < slice);

        var seconds = watch.Elapsed.TotalSeconds;
        return (seconds, calls, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
