using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// <c>--listen</c>: what an OpenTelemetry SDK costs the calls, without its exporters: every
/// activity of RealtimeKit.Generated sampled and recorded, every instrument of its meter enabled
/// with a callback that only adds the value up.
/// </summary>
internal sealed class Listening : IDisposable
{
    private readonly ActivityListener _activities = new()
    {
        ShouldListenTo = source => source.Name == RealtimeKitDiagnostics.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private readonly MeterListener _meters = new();
    private double _sum;

    public Listening()
    {
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RealtimeKitDiagnostics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((_, value, _, _) => _sum += value);
        _meters.SetMeasurementEventCallback<long>((_, value, _, _) => _sum += value);
        _meters.Start();
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        GC.KeepAlive(_sum);
    }
}
