namespace RealtimeKit.Generated;

/// <summary>
/// A request of a generated operation: an <see cref="HttpRequestMessage"/> that carries its
/// call's <see cref="RealtimeKitCallContext"/> and the caller's <see cref="RealtimeKitRequestOptions"/>,
/// so that a handler deciding per call (the retry handler: whether to retry at all, the cap on a
/// <c>Retry-After</c>) reads the same deadline and clock as the transport, with no per-request
/// dictionary (<see cref="HttpRequestMessage.Options"/>) allocated for it.
/// </summary>
internal sealed class RealtimeKitRequestMessage(RealtimeKitCallContext context, RealtimeKitRequestOptions? requestOptions, HttpMethod method, Uri requestUri) : HttpRequestMessage(method, requestUri)
{
    /// <summary>The call's context.</summary>
    public RealtimeKitCallContext Context { get; } = context;

    /// <summary>The caller's options for this call, if any.</summary>
    public RealtimeKitRequestOptions? RequestOptions { get; } = requestOptions;

    /// <summary>The call's total time: the caller's for this call, else the context's.</summary>
    public TimeSpan Timeout => RequestOptions?.Timeout ?? Context.Timeout;

    /// <summary>Whether the caller asked for this call to be sent once.</summary>
    public bool RetriesDisabled => RequestOptions?.DisableRetries == true;

    /// <summary>
    /// The longest <c>Retry-After</c> worth waiting for: <paramref name="maxRetryAfter"/>, or the
    /// whole call's time when that is shorter — a wait longer than the call may take cannot end in
    /// success, so such a 429 ends the call at once, with its <c>Retry-After</c> on the exception.
    /// </summary>
    public TimeSpan RetryAfterCap(TimeSpan maxRetryAfter)
    {
        var timeout = Timeout;
        return timeout != System.Threading.Timeout.InfiniteTimeSpan && timeout < maxRetryAfter ? timeout : maxRetryAfter;
    }
}
