using System.Globalization;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>The <c>--name value</c> options of the benchmark runs.</summary>
internal static class BenchArguments
{
    /// <summary>The value after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public static string Text(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given or not a number.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name, string.Empty), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
