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

    /// <summary>The operation (its operationId), set by the transport as it sends.</summary>
    public string? OperationId { get; set; }

    /// <summary>The status code of the answer the call read (the last attempt's); 0 before one arrived.</summary>
    public int StatusCode { get; set; }

    /// <summary>The call's <c>account_id</c>, when the operation has one: a tag of its activity.</summary>
    public string? AccountId { get; set; }

    /// <summary>The call's <c>app_id</c>, when the operation has one: a tag of its activity.</summary>
    public string? AppId { get; set; }

    /// <summary>When the call's deadline started, on the context's clock (<see cref="TimeProvider.GetTimestamp"/>); set by the transport.</summary>
    public long StartedAt { get; set; }

    /// <summary>The time the call has left before its deadline; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> when it has none.</summary>
    public TimeSpan TimeLeft()
    {
        var timeout = Timeout;
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return timeout;
        }

        var left = timeout - Context.TimeProvider.GetElapsedTime(StartedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>The rate budget the attempt is waiting for a permit of, if it is: a deadline that passes then ends the call in a <see cref="RealtimeKitRateBudgetException"/>.</summary>
    public RealtimeKitRateBudget? AwaitingPermitOf { get; set; }

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
