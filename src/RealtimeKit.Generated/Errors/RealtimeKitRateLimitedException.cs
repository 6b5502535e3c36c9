namespace RealtimeKit.Generated;

/// <summary>The API answered 429 and the client's retries, if any, did not get through.</summary>
public class RealtimeKitRateLimitedException : RealtimeKitApiException
{
    /// <summary>Creates the exception; for tests and mocks, the client creates it from the response.</summary>
    /// <param name="message">One line saying what happened.</param>
    /// <param name="response">The raw response body, or null.</param>
    /// <param name="headers">The response headers, or null for none.</param>
    /// <param name="retryAfter">How long the API asked to wait, from the Retry-After header; null when it did not say.</param>
    /// <param name="innerException">The cause, or null.</param>
    public RealtimeKitRateLimitedException(string message, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, TimeSpan? retryAfter, Exception? innerException)
        : base(message, 429, response, headers, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The client's: what it says is written when first read.</summary>
    internal RealtimeKitRateLimitedException(RealtimeKitErrorDescription description, string? response, TimeSpan? retryAfter, Exception? innerException)
        : base(description, response, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the API asked to wait before trying again (the Retry-After header); null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
