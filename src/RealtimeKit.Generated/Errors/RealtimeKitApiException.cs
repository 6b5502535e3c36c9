namespace RealtimeKit.Generated;

/// <summary>
/// The API answered with an error status, or with a success status and a body that cannot be
/// read. Named by nswag.json's <c>exceptionClass</c>; written by hand rather than generated, so
/// that its message is one readable line and never carries the raw body.
/// </summary>
/// <remarks>
/// Catch <see cref="RealtimeKitUnauthorizedException"/>, <see cref="RealtimeKitNotFoundException"/>
/// or <see cref="RealtimeKitRateLimitedException"/> for the cases callers branch on. Neither the
/// message nor <see cref="Exception.ToString"/> contain the request's credentials:
/// <see cref="Headers"/> holds the response's headers only.
/// </remarks>
public class RealtimeKitApiException : Exception
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> _noHeaders =
        new Dictionary<string, IEnumerable<string>>();

    private readonly RealtimeKitErrorDescription? _description;
    private string? _message;
    private IReadOnlyDictionary<string, IEnumerable<string>>? _headers;
    private string? _requestTarget;

    /// <summary>Creates the exception; for tests and mocks, the client creates it from the response.</summary>
    /// <param name="message">One line saying what happened.</param>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="response">The raw response body, or null.</param>
    /// <param name="headers">The response headers, or null for none.</param>
    /// <param name="innerException">The cause, or null.</param>
    public RealtimeKitApiException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = response;
        _message = message;
        _headers = headers ?? _noHeaders;
    }

    /// <summary>The client's: what it says is written when first read.</summary>
    internal RealtimeKitApiException(RealtimeKitErrorDescription description, string? response, Exception? innerException)
        : base(null, innerException)
    {
        StatusCode = description.Status;
        Response = response;
        _description = description;
    }

    /// <summary>One line saying what happened: the status, the API's message or what arrived, and the request's method and path.</summary>
    public override string Message => _message ??= _description?.Message() ?? base.Message;

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The raw response body as it arrived (empty when there was none).</summary>
    public string? Response { get; }

    /// <summary>The response headers, content headers included, with their values as they arrived (not parsed or re-formatted).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers => _headers ??= _description?.Headers() ?? _noHeaders;

    /// <summary>The message the API put in the body (<c>message</c>, <c>error.message</c> or <c>errors[].message</c>); null where the body has none.</summary>
    public string? ApiMessage { get; init; }

    /// <summary>The error code the API put in the body (<c>error.code</c> or <c>errors[0].code</c>); null where the body has none.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>The operation that failed, e.g. <c>editWebhook</c>; null when not known.</summary>
    public string? OperationId { get; init; }

    /// <summary>The HTTP method and path of the request that failed, e.g. <c>PATCH /client/v4/accounts/…</c>.</summary>
    public string? RequestTarget
    {
        get => _requestTarget ??= _description?.Target.ToString();
        init => _requestTarget = value;
    }
}
