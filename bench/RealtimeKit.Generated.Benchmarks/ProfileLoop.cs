using System.Diagnostics;
using System.Globalization;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// <c>--profile CallBenchmarks.Get_Library 20</c>: runs one benchmark case in a loop for the given
/// seconds, for a sampling profiler to watch (<c>DOTNET_PerfMapEnabled=1 perf record -g</c>), and
/// prints the calls per second it managed. Not a measurement to quote: BenchmarkDotNet is.
/// </summary>
internal static class ProfileLoop
{
    public static async Task<int> RunAsync(string benchmark, double seconds)
    {
        using var cases = BenchmarkCases.CreateFor(benchmark, out var call);
        var calls = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 1000; i++)
            {
                await call().ConfigureAwait(false);
            }

            calls += 1000;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"profile, {benchmark}: {calls} calls, {calls / watch.Elapsed.TotalSeconds:F0} calls/s"));
        return 0;
    }
}
