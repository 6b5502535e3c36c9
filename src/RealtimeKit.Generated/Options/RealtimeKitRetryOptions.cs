namespace RealtimeKit.Generated;

/// <summary>
/// When a failed call is tried again. GET, PUT and DELETE are retried on 408, 429, 5xx and
/// connection failures; POST and PATCH only on 429 and on connection failures before anything
/// reached the server, so that a webhook is never added or edited twice. A <c>Retry-After</c>
/// header is honoured up to <see cref="MaxRetryAfter"/>.
/// </summary>
public sealed class RealtimeKitRetryOptions
{
    /// <summary>How many times a call is tried again after the first attempt; 0 turns retries off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first delay; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> the client waits for; a longer one ends the call with the 429. Default 60 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
