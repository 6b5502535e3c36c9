namespace RealtimeKit.Generated;

/// <summary>
/// How the RealtimeKit client reaches the API: credentials, base address, timeout, retries and the rate budget.
/// Bind it from configuration or set it in code through
/// <c>services.AddRealtimeKit(options => …)</c>.
/// </summary>
/// <remarks>
/// Give either <see cref="ApiToken"/> (preferred) or the legacy pair <see cref="ApiEmail"/> and
/// <see cref="ApiKey"/>. <see cref="ToString"/> never shows a credential.
/// </remarks>
public sealed class RealtimeKitClientOptions
{
    /// <summary>The public API's base address, <c>https://api.cloudflare.com/client/v4/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.cloudflare.com/client/v4/");

    /// <summary>The default <see cref="Timeout"/>: 100 seconds, retries included.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(100);

    /// <summary>A Cloudflare API token with the Realtime or Realtime Admin permission, sent as <c>Authorization: Bearer …</c>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The account e-mail for the legacy global API key (<c>X-Auth-Email</c>); only with <see cref="ApiKey"/>.</summary>
    public string? ApiEmail { get; set; }

    /// <summary>The legacy global API key (<c>X-Auth-Key</c>); only with <see cref="ApiEmail"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API's base address; default <see cref="DefaultBaseAddress"/>. Must be https, or http
    /// on a loopback host (tests, the sandbox). With or without a trailing slash, the same URLs are addressed.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>How long one call may take, retries and their delays included; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit. Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>When and how often a failed call is tried again.</summary>
    public RealtimeKitRetryOptions Retry { get; } = new();

    /// <summary>The rate budget every registered client shares: at most <see cref="RealtimeKitRateLimitOptions.PermitsPerWindow"/> requests per <see cref="RealtimeKitRateLimitOptions.Window"/> (default Cloudflare's 1,200 per five minutes).</summary>
    public RealtimeKitRateLimitOptions RateLimit { get; } = new();

    /// <summary>What is wrong with these options, one message each; empty when they are valid. Messages never contain a credential.</summary>
    public IReadOnlyList<string> Validate() => RealtimeKitClientOptionsValidator.Check(this);

    /// <summary>Which credential is configured, never the credential itself.</summary>
    public override string ToString() =>
        $"RealtimeKitClientOptions {{ BaseAddress = {BaseAddress}, Credential = {CredentialKind}, Timeout = {Timeout}, MaxRetries = {Retry.MaxRetries}, RateLimit = {(RateLimit.Enabled ? $"{RateLimit.PermitsPerWindow} per {RateLimit.Window}" : "off")} }}";

    internal string CredentialKind => RealtimeKitCredential.Of(this).Kind;

    /// <summary>The base address with exactly one trailing slash, so relative request paths append to it.</summary>
    internal Uri NormalizedBaseAddress => NormalizeBaseAddress(BaseAddress);

    internal static Uri NormalizeBaseAddress(Uri baseAddress)
    {
        var builder = new UriBuilder(baseAddress) { Query = string.Empty, Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + "/";
        return builder.Uri;
    }
}
