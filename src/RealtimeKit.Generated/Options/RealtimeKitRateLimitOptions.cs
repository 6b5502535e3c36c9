namespace RealtimeKit.Generated;

/// <summary>
/// The rate budget every client <c>AddRealtimeKit</c> registers shares: no window of length
/// <see cref="Window"/> holds more than <see cref="PermitsPerWindow"/> requests sent by this
/// process (every attempt counts, retries included). Cloudflare allows 1,200 requests per five
/// minutes per token and blocks the token for five minutes once that is exceeded; the defaults
/// are that limit. An answer's <c>Retry-After</c>, <c>Ratelimit</c> and <c>Ratelimit-Policy</c>
/// headers win over this guess.
/// </summary>
public sealed class RealtimeKitRateLimitOptions
{
    /// <summary>The default <see cref="PermitsPerWindow"/>: 1,200, Cloudflare's limit per token.</summary>
    public const int DefaultPermitsPerWindow = 1200;

    /// <summary>The default <see cref="Window"/>: five minutes, Cloudflare's window.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether calls wait for a permit of the budget before they are sent. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many requests any window of length <see cref="Window"/> may hold. Default 1,200.</summary>
    public int PermitsPerWindow { get; set; } = DefaultPermitsPerWindow;

    /// <summary>The length of the window. Default five minutes.</summary>
    public TimeSpan Window { get; set; } = DefaultWindow;

    /// <summary>
    /// How many calls may wait for a permit at once; one more is refused at once with a
    /// <see cref="RealtimeKitRateBudgetException"/> rather than queued without end. Default 10,000.
    /// </summary>
    public int QueueLimit { get; set; } = 10_000;
}
