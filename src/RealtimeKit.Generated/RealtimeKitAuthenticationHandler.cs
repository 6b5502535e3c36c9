using System.Net.Http.Headers;

namespace RealtimeKit.Generated;

/// <summary>
/// Puts the configured credential on every request: <c>Authorization: Bearer &lt;token&gt;</c>,
/// or the legacy <c>X-Auth-Email</c> and <c>X-Auth-Key</c> pair. <c>AddRealtimeKit</c> adds it
/// for you; add it yourself only to an <see cref="HttpClient"/> you build by hand (or use
/// <see cref="RealtimeKitHttpClient.Create"/>).
/// </summary>
public sealed class RealtimeKitAuthenticationHandler : DelegatingHandler
{
    private readonly string? _token;
    private readonly string? _email;
    private readonly string? _key;

    /// <summary>Creates the handler with the credential of <paramref name="options"/>.</summary>
    /// <param name="options">Options with <see cref="RealtimeKitClientOptions.ApiToken"/>, or <see cref="RealtimeKitClientOptions.ApiEmail"/> and <see cref="RealtimeKitClientOptions.ApiKey"/>.</param>
    /// <exception cref="ArgumentException">No usable credential is configured.</exception>
    public RealtimeKitAuthenticationHandler(RealtimeKitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.ApiToken))
        {
            _token = options.ApiToken;
        }
        else if (!string.IsNullOrEmpty(options.ApiKey) && !string.IsNullOrEmpty(options.ApiEmail))
        {
            _email = options.ApiEmail;
            _key = options.ApiKey;
        }
        else
        {
            throw new ArgumentException("RealtimeKitClientOptions.ApiToken is required: set it to a Cloudflare API token with the Realtime permission.", nameof(options));
        }
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }
        else
        {
            request.Headers.Remove("X-Auth-Email");
            request.Headers.Remove("X-Auth-Key");
            request.Headers.TryAddWithoutValidation("X-Auth-Email", _email);
            request.Headers.TryAddWithoutValidation("X-Auth-Key", _key);
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Names the handler and its credential kind, never the credential.</summary>
    public override string ToString() => _token is not null ? "RealtimeKitAuthenticationHandler { Bearer (redacted) }" : "RealtimeKitAuthenticationHandler { X-Auth-Key (redacted) }";
}
