using System.Reflection;

namespace RealtimeKit.Generated;

/// <summary>
/// The names under which the RealtimeKit packages report to OpenTelemetry: one
/// <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>,
/// both named <see cref="Name"/>. Register them with <c>AddSource(RealtimeKitDiagnostics.Name)</c>
/// and <c>AddMeter(RealtimeKitDiagnostics.Name)</c>; with no listener they cost nothing.
/// </summary>
public static class RealtimeKitDiagnostics
{
    /// <summary>The name of the activity source and of the meter: <c>RealtimeKit.Generated</c>.</summary>
    public const string Name = "RealtimeKit.Generated";

    /// <summary>
    /// The bucket bounds, in seconds, every RealtimeKit duration histogram advises (OpenTelemetry's
    /// advice for HTTP durations); for a view of your own over them.
    /// </summary>
    public static IReadOnlyList<double> DurationBucketBoundaries { get; } = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>The package's version, without the commit: the version of the source and the meter, and of the User-Agent.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(RealtimeKitDiagnostics).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
