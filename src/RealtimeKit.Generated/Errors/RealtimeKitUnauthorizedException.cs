namespace RealtimeKit.Generated;

/// <summary>The API answered 401: the credentials are missing, wrong or lack the Realtime permissions.</summary>
public class RealtimeKitUnauthorizedException : RealtimeKitApiException
{
    /// <summary>Creates the exception; for tests and mocks, the client creates it from the response.</summary>
    /// <param name="message">One line saying what happened.</param>
    /// <param name="response">The raw response body, or null.</param>
    /// <param name="headers">The response headers, or null for none.</param>
    /// <param name="innerException">The cause, or null.</param>
    public RealtimeKitUnauthorizedException(string message, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : base(message, 401, response, headers, innerException)
    {
    }

    /// <summary>The client's: what it says is written when first read.</summary>
    internal RealtimeKitUnauthorizedException(RealtimeKitErrorDescription description, string? response, Exception? innerException)
        : base(description, response, innerException)
    {
    }
}
