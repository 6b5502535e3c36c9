namespace RealtimeKit.Generated;

/// <summary>
/// A call was not sent: the rate budget (<see cref="RealtimeKitClientOptions.RateLimit"/>, or
/// the service's own word, a <c>Retry-After</c> or <c>Ratelimit</c> that paused every caller)
/// had no permit for it within the time the call had left, or too many calls were already
/// waiting. Nothing reached the service, so the call can be tried again later as it is.
/// A <see cref="TimeoutException"/>, like a call that ran out of time on the wire.
/// </summary>
public class RealtimeKitRateBudgetException : TimeoutException
{
    /// <summary>Creates the exception; for tests and mocks, the client creates it.</summary>
    /// <param name="message">One line saying what happened.</param>
    /// <param name="innerException">The cause, or null.</param>
    public RealtimeKitRateBudgetException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The operation that was not sent (e.g. <c>addParticipant</c>), when known.</summary>
    public string? OperationId { get; init; }
}
