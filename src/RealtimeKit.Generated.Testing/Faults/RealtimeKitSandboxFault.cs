namespace RealtimeKit.Generated.Testing;

/// <summary>
/// A fault the sandbox answers with instead of (or on top of) the API's behaviour, to test a
/// caller's resilience. Queue one with <see cref="RealtimeKitSandbox.InjectFault"/>.
/// </summary>
/// <remarks>
/// A status fault answers before the request reaches the API's logic: nothing changes. A delay
/// or a truncated body wraps the normal handling: the change is made, the answer comes late or
/// cut short. A dropped connection closes the connection without an answer, after handling the
/// request (the change is made and the caller cannot know) or before (nothing changes);
/// <see cref="HandlesRequest"/> says which.
/// </remarks>
public sealed class RealtimeKitSandboxFault
{
    private RealtimeKitSandboxFault(int? statusCode, string? body, string contentType, IReadOnlyDictionary<string, string> headers, TimeSpan delay, bool truncate, bool dropsConnection = false, bool handlesRequest = true)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Headers = headers;
        Delay = delay;
        Truncate = truncate;
        DropsConnection = dropsConnection;
        HandlesRequest = statusCode is null && handlesRequest;
    }

    /// <summary>The status answered instead of the API's; null for faults that wrap the normal answer.</summary>
    public int? StatusCode { get; }

    /// <summary>The body of a status fault.</summary>
    public string? Body { get; }

    /// <summary>The content type of a status fault's body.</summary>
    public string ContentType { get; }

    /// <summary>Extra response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>How long the answer is held back.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Whether the answer's body is cut in half.</summary>
    public bool Truncate { get; }

    /// <summary>Whether the connection is closed without an answer; see <see cref="DroppedConnection"/>.</summary>
    public bool DropsConnection { get; }

    /// <summary>
    /// Whether the request reaches the API's logic, so that its change is made: false for a status
    /// fault and for a connection dropped before handling, true for the others.
    /// </summary>
    public bool HandlesRequest { get; }

    /// <summary>Answers with <paramref name="statusCode"/> and <paramref name="body"/>; nothing changes.</summary>
    /// <param name="statusCode">The status, e.g. 503.</param>
    /// <param name="body">The body; default empty.</param>
    /// <param name="contentType">The body's content type.</param>
    /// <param name="headers">Extra headers.</param>
    public static RealtimeKitSandboxFault Status(int statusCode, string? body = null, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, body ?? string.Empty, contentType, headers ?? new Dictionary<string, string>(), TimeSpan.Zero, truncate: false);

    /// <summary>Answers 429 with a <c>Retry-After</c> header and Cloudflare's v4 error envelope.</summary>
    /// <param name="retryAfter">The wait to ask for, in whole seconds.</param>
    public static RealtimeKitSandboxFault RateLimited(TimeSpan retryAfter) =>
        Status(429, """{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}],"messages":[],"result":null}""",
            headers: new Dictionary<string, string> { ["Retry-After"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Answers 503 with an HTML page, as a proxy in between does.</summary>
    public static RealtimeKitSandboxFault ServiceUnavailableHtml() =>
        Status(503, "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>", "text/html");

    /// <summary>Handles the request normally and answers after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long to hold the answer back.</param>
    public static RealtimeKitSandboxFault Delayed(TimeSpan delay) =>
        new(null, null, "application/json", new Dictionary<string, string>(), delay, truncate: false);

    /// <summary>Handles the request normally and answers with the first half of the body only.</summary>
    public static RealtimeKitSandboxFault TruncatedBody() =>
        new(null, null, "application/json", new Dictionary<string, string>(), TimeSpan.Zero, truncate: true);

    /// <summary>
    /// Closes the connection without sending a byte of the answer, as a server or proxy that fails
    /// mid-request does: the client reads "the response ended prematurely" (an
    /// <see cref="HttpRequestException"/> with <see cref="HttpRequestError.ResponseEnded"/>).
    /// The request is recorded in <see cref="RealtimeKitSandbox.Requests"/> with status 0.
    /// </summary>
    /// <param name="afterHandling">
    /// True (the default): the request is handled first, so its change is made (a webhook is
    /// added, edited or deleted) and only the answer is lost; the demanding case for a client
    /// that must not repeat a POST. False: the connection is closed before the request reaches
    /// the API's logic; nothing changes.
    /// </param>
    public static RealtimeKitSandboxFault DroppedConnection(bool afterHandling = true) =>
        new(null, null, "application/json", new Dictionary<string, string>(), TimeSpan.Zero, truncate: false, dropsConnection: true, handlesRequest: afterHandling);
}
