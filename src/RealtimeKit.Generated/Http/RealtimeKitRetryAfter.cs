namespace RealtimeKit.Generated;

/// <summary>Reads how long an answer asks the caller to wait (<c>Retry-After</c>), for the retry pipeline and for <see cref="RealtimeKitRateLimitedException"/>.</summary>
internal static class RealtimeKitRetryAfter
{
    /// <summary>The answer's <c>Retry-After</c> delta, or its date measured against <paramref name="time"/>; never negative; null when it has none.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
