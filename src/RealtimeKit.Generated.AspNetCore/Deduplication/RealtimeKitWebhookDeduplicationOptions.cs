namespace RealtimeKit.Generated.AspNetCore;

/// <summary>How <c>MapRealtimeKitWebhooks</c> uses the <see cref="IRealtimeKitDeliveryStore"/>: see <c>AddRealtimeKitWebhookDeduplication</c>.</summary>
public sealed class RealtimeKitWebhookDeduplicationOptions
{
    /// <summary>
    /// How long a claim holds while its handler runs: a retry arriving meanwhile is answered 503,
    /// and after it a retry is handled again even though the first handler never finished (its
    /// instance crashed). Make it longer than any handler runs; default 5 minutes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a handled delivery is remembered and its copies answered <c>200 duplicate</c>: longer than RealtimeKit retries a delivery. Default 24 hours.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The <c>Retry-After</c> sent with the 503 that answers a delivery being handled by another attempt, or arriving while the store cannot be reached; whole seconds, at least 1. Default 30 seconds.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
