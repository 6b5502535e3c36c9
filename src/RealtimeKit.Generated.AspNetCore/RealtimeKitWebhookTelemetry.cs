using System.Diagnostics;
using System.Diagnostics.Metrics;
using RealtimeKit.Generated;

namespace RealtimeKit.Generated.AspNetCore;

/// <summary>
/// The receiver's spans and measurements, under <see cref="RealtimeKitDiagnostics.Name"/>: one
/// <c>RealtimeKit webhook {event}</c> activity per delivery (a child of ASP.NET Core's request
/// activity; the handler runs inside it), the deliveries counted by outcome, the handler's time
/// and the delivery store's claim latency.
/// </summary>
internal static class RealtimeKitWebhookTelemetry
{
    internal const string EventTag = "realtimekit.webhook.event";
    internal const string OutcomeTag = "realtimekit.webhook.outcome";
    internal const string DeliveryIdTag = "realtimekit.webhook.delivery_id";
    internal const string WebhookIdTag = "realtimekit.webhook.webhook_id";
    internal const string StoreTag = "realtimekit.webhook.store";

    /// <summary>The handler returned: answered 200.</summary>
    internal const string Handled = "handled";

    /// <summary>Handled before: answered <c>200 duplicate</c>, the handler not called.</summary>
    internal const string Duplicate = "duplicate";

    /// <summary>Being handled by another attempt: answered 503 with <c>Retry-After</c>.</summary>
    internal const string InProgress = "in_progress";

    /// <summary>The signature did not verify: answered 401.</summary>
    internal const string InvalidSignature = "invalid_signature";

    /// <summary>The handler threw, or the request was aborted while it ran: answered 500 (or not at all).</summary>
    internal const string Failed = "failed";

    /// <summary>The body was too large or, though signed, unreadable: answered 413 or 400.</summary>
    internal const string Rejected = "rejected";

    /// <summary>The signing key or the delivery store could not be had: answered 503 with <c>Retry-After</c>.</summary>
    internal const string Unavailable = "unavailable";

    internal static readonly ActivitySource Source = new(RealtimeKitDiagnostics.Name, RealtimeKitDiagnostics.Version);

    internal static readonly Meter Meter = new(RealtimeKitDiagnostics.Name, RealtimeKitDiagnostics.Version);

    internal static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "realtimekit.webhook.deliveries",
        unit: "{delivery}",
        description: "Webhook deliveries received, by event and outcome.");

    internal static readonly Histogram<double> HandlerDuration = Meter.CreateHistogram(
        "realtimekit.webhook.handler.duration",
        unit: "s",
        description: "The time the application's webhook handler took for a delivery.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RealtimeKitDiagnostics.DurationBucketBoundaries });

    internal static readonly Histogram<double> ClaimDuration = Meter.CreateHistogram(
        "realtimekit.webhook.delivery_store.claim.duration",
        unit: "s",
        description: "The time the delivery store took to claim a delivery.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RealtimeKitDiagnostics.DurationBucketBoundaries });

    /// <summary>Starts the delivery's activity, a child of the current (the request's); null when nobody listens.</summary>
    public static Activity? Start() => Source.StartActivity("RealtimeKit webhook", ActivityKind.Internal);

    /// <summary>The verified delivery's event and ids, on its activity.</summary>
    public static void Verified(Activity? activity, RealtimeKitWebhookDelivery delivery, string eventName)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = string.Concat("RealtimeKit webhook ", eventName);
            activity.SetTag(EventTag, eventName);
            if (!string.IsNullOrEmpty(delivery.DeliveryId))
            {
                activity.SetTag(DeliveryIdTag, delivery.DeliveryId);
            }

            if (!string.IsNullOrEmpty(delivery.WebhookId))
            {
                activity.SetTag(WebhookIdTag, delivery.WebhookId);
            }
        }
    }

    /// <summary>What became of a delivery: counted, and its activity's outcome (an error unless handled or a duplicate).</summary>
    public static void Outcome(Activity? activity, string? eventName, string outcome)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OutcomeTag, outcome);
            if (outcome is not (Handled or Duplicate))
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        if (Deliveries.Enabled)
        {
            Deliveries.Add(1, new TagList { { EventTag, eventName }, { OutcomeTag, outcome } });
        }
    }

    /// <summary>Measures the handler's time; <paramref name="started"/> is a <see cref="Stopwatch"/> timestamp.</summary>
    public static void HandlerEnded(string eventName, bool returned, long started)
    {
        if (HandlerDuration.Enabled)
        {
            HandlerDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { EventTag, eventName }, { OutcomeTag, returned ? Handled : Failed } });
        }
    }

    /// <summary>Measures a claim of <paramref name="store"/>; <paramref name="started"/> is a <see cref="Stopwatch"/> timestamp.</summary>
    public static void Claimed(IRealtimeKitDeliveryStore store, long started)
    {
        if (ClaimDuration.Enabled)
        {
            ClaimDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { StoreTag, store.GetType().Name } });
        }
    }
}
