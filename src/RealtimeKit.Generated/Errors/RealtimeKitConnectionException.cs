namespace RealtimeKit.Generated;

/// <summary>
/// No answer arrived: the connection could not be made, or it failed or closed before the answer's
/// headers, and the retries allowed no further attempt. <see cref="RealtimeKitApiException.StatusCode"/>
/// is 0 and <see cref="Exception.InnerException"/> is the <see cref="HttpRequestException"/>.
/// </summary>
public class RealtimeKitConnectionException : RealtimeKitApiException
{
    /// <summary>Creates the exception; for tests and mocks, the client creates it from the failure.</summary>
    /// <param name="message">One line saying what happened.</param>
    /// <param name="requestMayHaveBeenProcessed">Whether the request may have reached the server and been acted on.</param>
    /// <param name="innerException">The transport's failure.</param>
    public RealtimeKitConnectionException(string message, bool requestMayHaveBeenProcessed, HttpRequestException innerException)
        : base(message, 0, null, null, innerException)
    {
        RequestMayHaveBeenProcessed = requestMayHaveBeenProcessed;
        HttpRequestError = innerException?.HttpRequestError ?? HttpRequestError.Unknown;
    }

    /// <summary>
    /// Whether the server may have received and acted on the request: false only when no
    /// connection was made (the name did not resolve, the connection was refused); true when the
    /// connection broke after the request was sent, so a POST or PATCH may have made its change.
    /// </summary>
    public bool RequestMayHaveBeenProcessed { get; }

    /// <summary>What went wrong on the connection, as .NET classifies it.</summary>
    public HttpRequestError HttpRequestError { get; }
}
