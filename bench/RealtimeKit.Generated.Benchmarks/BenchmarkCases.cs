using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// The benchmark classes' cases outside BenchmarkDotNet, for <see cref="ProfileLoop"/> and
/// <see cref="Interleaved"/>: an instance set up as its [GlobalSetup] sets it up (the first value
/// of each [Params], unless given), and each case as a delegate.
/// </summary>
internal sealed class BenchmarkCases : IDisposable
{
    private readonly Type _type;
    private readonly object _instance;

    private BenchmarkCases(Type type, object instance)
    {
        _type = type;
        _instance = instance;
    }

    /// <summary>Sets up <paramref name="className"/> (e.g. CallBenchmarks) with <paramref name="parameter"/> for its [Params] property, if it has one.</summary>
    public static BenchmarkCases Create(string className, string? parameter = null)
    {
        var type = typeof(BenchmarkCases).Assembly.GetType($"{typeof(BenchmarkCases).Namespace}.{className}", throwOnError: false)
            ?? throw new ArgumentException($"no benchmark class {className}", nameof(className));
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
        {
            var value = parameter is null
                ? property.GetCustomAttribute<ParamsAttribute>()!.Values[0]
                : Convert.ChangeType(parameter, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture);
            property.SetValue(instance, value);
        }

        Invoke<GlobalSetupAttribute>(type, instance);
        return new BenchmarkCases(type, instance);
    }

    /// <summary>
    /// Sets up the class of <paramref name="benchmark"/> (<c>Class.Method</c>, e.g.
    /// <c>CallBenchmarks.Get_Library</c>; its [Params] from BENCH_PARAM when set) and gives that one case.
    /// </summary>
    public static BenchmarkCases CreateFor(string benchmark, out Func<Task> call)
    {
        var dot = benchmark.IndexOf('.', StringComparison.Ordinal);
        var cases = Create(benchmark[..dot], Environment.GetEnvironmentVariable("BENCH_PARAM"));
        call = cases.Case(benchmark[(dot + 1)..]);
        return cases;
    }

    /// <summary>The case named <paramref name="method"/>.</summary>
    public Func<Task> Case(string method) =>
        (_type.GetMethod(method) ?? throw new ArgumentException($"no benchmark {_type.Name}.{method}", nameof(method))).CreateDelegate<Func<Task>>(_instance);

    /// <summary>The cases of <paramref name="category"/> (every case when null), the baseline first.</summary>
    public IReadOnlyList<(string Name, Func<Task> Call)> Category(string? category) =>
        _type.GetMethods()
            .Select(m => (Method: m, Benchmark: m.GetCustomAttribute<BenchmarkAttribute>()))
            .Where(m => m.Benchmark is not null && (category is null || (m.Method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.Contains(category) ?? false)))
            .OrderBy(m => m.Benchmark!.Baseline ? 0 : 1)
            .Select(m => (m.Method.Name, m.Method.CreateDelegate<Func<Task>>(_instance)))
            .ToList();

    public void Dispose() => Invoke<GlobalCleanupAttribute>(_type, _instance);

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
