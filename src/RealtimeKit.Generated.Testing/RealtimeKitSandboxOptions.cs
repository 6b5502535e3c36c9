namespace RealtimeKit.Generated.Testing;

/// <summary>How a <see cref="RealtimeKitSandbox"/> starts.</summary>
public sealed class RealtimeKitSandboxOptions
{
    /// <summary>The port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The bearer token the sandbox accepts; null (the default) generates one, see <see cref="RealtimeKitSandbox.ApiToken"/>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The clock for <c>created_at</c> and <c>updated_at</c>; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many times a delivery is attempted when the receiver answers 5xx or cannot be reached; default 3.</summary>
    public int MaxDeliveryAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt of a delivery (it grows linearly); default 100 ms.</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether deliveries may go to webhooks whose URL is not on this machine; default false, so a test never reaches the network.</summary>
    public bool AllowNonLoopbackDelivery { get; set; }

    /// <summary>
    /// How many of the latest requests <see cref="RealtimeKitSandbox.Requests"/> keeps: null (the
    /// default) keeps every request, 0 none. Set a bound for a sandbox that serves many requests
    /// (a soak or load test, a long-running <c>realtimekit sandbox</c>), whose log would otherwise
    /// grow without end; <see cref="OnRequest"/> still sees every request.
    /// </summary>
    public int? MaxRecordedRequests { get; set; }

    /// <summary>
    /// A limit per token the sandbox enforces, e.g. <c>RealtimeKitSandboxRateLimit.Parse("250/10s")</c>:
    /// <c>Ratelimit</c> and <c>Ratelimit-Policy</c> on every answer, 429 with <c>Retry-After</c>
    /// beyond it and for the rest of the window. Null (the default): no limit.
    /// </summary>
    public RealtimeKitSandboxRateLimit? RateLimit { get; set; }

    /// <summary>Called after each request is answered, e.g. to log it; called on the server's threads.</summary>
    public Action<RealtimeKitSandboxRequest>? OnRequest { get; set; }
}
