using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>
/// <c>demo --telemetry</c>: OpenTelemetry registered as a service would register it
/// (<c>AddSource</c>/<c>AddMeter</c> of <see cref="RealtimeKitDiagnostics.Name"/>, plus HttpClient's
/// attempts), exported to the console: each span as it ends, the measurements when the demo ends.
/// </summary>
internal sealed class DemoTelemetry : IDisposable
{
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;
    private readonly TextWriter _output;

    private DemoTelemetry(TracerProvider tracing, MeterProvider metrics, TextWriter output)
    {
        _tracing = tracing;
        _metrics = metrics;
        _output = output;
    }

    public static DemoTelemetry Start(TextWriter output)
    {
        output.WriteLine($"OpenTelemetry: AddSource(\"{RealtimeKitDiagnostics.Name}\"), AddMeter(\"{RealtimeKitDiagnostics.Name}\"), console exporter.");
        var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(RealtimeKitDiagnostics.Name, "System.Net.Http")
            .AddConsoleExporter()
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .AddMeter(RealtimeKitDiagnostics.Name)
            .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = int.MaxValue)
            .Build();
        return new DemoTelemetry(tracing, metrics, output);
    }

    public void Dispose()
    {
        _output.WriteLine();
        _output.WriteLine("OpenTelemetry measurements of the demo:");
        _output.Flush();
        _tracing.Dispose();
        _metrics.Dispose(); // exports the measurements once, now
    }
}
