using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// <c>--allocations CallBenchmarks.Unauthorized_Library 200000</c>: runs one case that many times
/// and prints which types its allocations are, from the runtime's own sampling (the
/// GCAllocationTick event, one sample about every 100 KB allocated, with the type of the object
/// that crossed the mark), as a share of the samples and as bytes per call estimated from it.
/// Sampling, so the small types are approximate; a guide to where a case's bytes go, not a
/// measurement to quote (the interleaved runs are).
/// </summary>
internal static class AllocationProfile
{
    public static async Task<int> RunAsync(string benchmark, int calls)
    {
        using var cases = BenchmarkCases.CreateFor(benchmark, out var call);
        for (var i = 0; i < 2000; i++)
        {
            await call().ConfigureAwait(false);
        }

        using var listener = new AllocationListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        var total = GC.GetTotalAllocatedBytes(precise: true) - before;
        listener.Dispose();
        var samples = listener.Samples.ToArray();
        var count = samples.Sum(s => s.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocations, {benchmark}: {total / (double)calls:F0} bytes per call over {calls} calls, {count} samples"));
        foreach (var (type, n) in samples.OrderByDescending(s => s.Value).Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * n / count,5:F1} %  ~{total / (double)calls * n / count,6:F0} B/call  {type}"));
        }

        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        public ConcurrentDictionary<string, int> Samples { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: GCAllocationTick at verbose
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is { } name && name.StartsWith("GCAllocationTick", StringComparison.Ordinal) && eventData.PayloadNames is { } names)
            {
                var index = names.IndexOf("TypeName");
                var type = index >= 0 ? eventData.Payload?[index] as string ?? "?" : "?";
                Samples.AddOrUpdate(type, 1, (_, n) => n + 1);
            }
        }
    }
}
