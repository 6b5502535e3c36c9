using System.Diagnostics;
using System.Globalization;
using System.Reflection;

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
        var dot = benchmark.IndexOf('.', StringComparison.Ordinal);
        var type = typeof(ProfileLoop).Assembly.GetType($"{typeof(ProfileLoop).Namespace}.{benchmark[..dot]}", throwOnError: true)!;
        var method = type.GetMethod(benchmark[(dot + 1)..]) ?? throw new ArgumentException($"no benchmark {benchmark}", nameof(benchmark));
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<BenchmarkDotNet.Attributes.ParamsAttribute>() is not null))
        {
            property.SetValue(instance, property.GetCustomAttribute<BenchmarkDotNet.Attributes.ParamsAttribute>()!.Values[0]);
        }

        Invoke<BenchmarkDotNet.Attributes.GlobalSetupAttribute>(type, instance);
        var call = method.CreateDelegate<Func<Task>>(instance);
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

        Invoke<BenchmarkDotNet.Attributes.GlobalCleanupAttribute>(type, instance);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"profile, {benchmark}: {calls} calls, {calls / watch.Elapsed.TotalSeconds:F0} calls/s"));
        return 0;
    }

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
