namespace RealtimeKit.Generated;

/// <summary>How deliveries are verified: which public key, and how large a body may be.</summary>
public sealed class RealtimeKitWebhookOptions
{
    /// <summary>Where the service publishes its public key.</summary>
    public static Uri DefaultPublicKeyUrl { get; } = new(WebhookPublicKeyEndpoint.DefaultUrl);

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----…</c>). When set, it is the only key trusted and nothing is fetched.</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>Where to fetch the public key when none is pinned; default <see cref="DefaultPublicKeyUrl"/>.</summary>
    public Uri PublicKeyUrl { get; set; } = DefaultPublicKeyUrl;

    /// <summary>
    /// After a signature fails, the key is fetched again (it may have been rotated), but at most
    /// once per this interval, so bad deliveries cannot make the receiver hammer the key endpoint.
    /// Default 5 minutes.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest delivery body accepted, in bytes; default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
