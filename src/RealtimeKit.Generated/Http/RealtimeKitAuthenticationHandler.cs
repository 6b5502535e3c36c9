namespace RealtimeKit.Generated;

/// <summary>
/// Puts the configured credential on every request: <c>Authorization: Bearer &lt;token&gt;</c>,
/// or the legacy <c>X-Auth-Email</c> and <c>X-Auth-Key</c> pair. <c>AddRealtimeKit</c> adds it
/// for you; add it yourself only to an <see cref="HttpClient"/> you build by hand (or use
/// <see cref="RealtimeKitHttpClient.Create"/>).
/// </summary>
public sealed class RealtimeKitAuthenticationHandler : DelegatingHandler
{
    private readonly RealtimeKitCredential _credential;

    /// <summary>Creates the handler with the credential of <paramref name="options"/>.</summary>
    /// <param name="options">Options with <see cref="RealtimeKitClientOptions.ApiToken"/>, or <see cref="RealtimeKitClientOptions.ApiEmail"/> and <see cref="RealtimeKitClientOptions.ApiKey"/>.</param>
    /// <exception cref="ArgumentException">No usable credential is configured; the message says what to set, never the credential.</exception>
    public RealtimeKitAuthenticationHandler(RealtimeKitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _credential = RealtimeKitCredential.Of(options);
        if (_credential.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _credential.Apply(request.Headers);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Names the handler and its credential kind, never the credential.</summary>
    public override string ToString() => $"RealtimeKitAuthenticationHandler {{ {_credential.Kind} }}";
}
