namespace RealtimeKit.Generated;

/// <summary>
/// A request of a generated operation: an <see cref="HttpRequestMessage"/> that carries its
/// call's <see cref="RealtimeKitCallContext"/>, so that a handler deciding per call (the retry
/// handler's <c>Retry-After</c> cap) reads the same deadline and clock as the transport, with no
/// per-request dictionary (<see cref="HttpRequestMessage.Options"/>) allocated for it.
/// </summary>
internal sealed class RealtimeKitRequestMessage(RealtimeKitCallContext context, HttpMethod method, Uri requestUri) : HttpRequestMessage(method, requestUri)
{
    /// <summary>The call's context.</summary>
    public RealtimeKitCallContext Context { get; } = context;
}
