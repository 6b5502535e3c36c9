using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// Listens as an OpenTelemetry SDK would: every activity of RealtimeKit.Generated, of
/// HttpClient (System.Net.Http) and of ASP.NET Core, and every measurement of the
/// RealtimeKit.Generated meter. Listeners are process-wide: the tests that use it run alone.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private static readonly string[] _sources = [RealtimeKitDiagnostics.Name, "System.Net.Http", "Microsoft.AspNetCore"];

    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => _sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RealtimeKitDiagnostics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>Activities as they stopped.</summary>
    public ConcurrentQueue<Activity> Activities { get; } = new();

    public ConcurrentQueue<Measured> Measurements { get; } = new();

    /// <summary>The stopped activities of RealtimeKit.Generated.</summary>
    public IReadOnlyList<Activity> Ours => [.. Activities.Where(a => a.Source.Name == RealtimeKitDiagnostics.Name)];

    /// <summary>The stopped HttpClient activities that are children of <paramref name="parent"/>.</summary>
    public IReadOnlyList<Activity> HttpChildrenOf(Activity parent) =>
        [.. Activities.Where(a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == parent.SpanId)];

    public IReadOnlyList<Measured> Of(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Reads the observable instruments (the permits gauge) now.</summary>
    public void Observe() => _meters.RecordObservableInstruments();

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Measured(instrument.Name, instrument.Unit, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    public sealed record Measured(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);
}
