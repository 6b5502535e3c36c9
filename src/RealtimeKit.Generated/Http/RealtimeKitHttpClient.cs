namespace RealtimeKit.Generated;

/// <summary>
/// For code that does not use dependency injection: builds an <see cref="HttpClient"/> with the
/// base address and credential of the options, ready for <c>new RealtimeKitClient(httpClient)</c> or one resource client (<c>new WebhooksClient(httpClient)</c>).
/// It does not retry; register with <c>services.AddRealtimeKit(…)</c> for the resilience pipeline.
/// </summary>
public static class RealtimeKitHttpClient
{
    /// <summary>Creates the client.</summary>
    /// <param name="options">Credential, base address and timeout.</param>
    /// <param name="innerHandler">The handler that sends the requests; default a new <see cref="SocketsHttpHandler"/>.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message says what to set.</exception>
    public static HttpClient Create(RealtimeKitClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        var handler = new RealtimeKitAuthenticationHandler(options)
        {
            InnerHandler = innerHandler ?? DefaultInnerHandler(),
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = options.NormalizedBaseAddress,
            Timeout = options.Timeout,
        };
    }

    /// <summary>The handler <see cref="Create"/> sends through when it is given none: connections are renewed every two minutes, so a change of the API's DNS is picked up.</summary>
    internal static SocketsHttpHandler DefaultInnerHandler() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
}
