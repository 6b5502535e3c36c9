namespace RealtimeKit.Generated;

/// <summary>
/// The headers whose values may appear in a log (and, later, in a span): an allow-list, as
/// Azure.Core's sanitizer keeps one. Any other header is logged by name with its value as
/// <c>*</c>, so a credential header nobody thought of (a proxy's, a cookie) never leaks. The
/// credential headers are not on it.
/// </summary>
internal static class RealtimeKitLoggedHeaders
{
    private static readonly HashSet<string> _allowed = new(
        [
            "Accept", "Accept-Encoding", "Age", "Cache-Control", "Connection", "Content-Encoding", "Content-Language",
            "Content-Length", "Content-Type", "Date", "ETag", "Expires", "Last-Modified", "Retry-After", "Server",
            "Transfer-Encoding", "User-Agent", "Vary",
            "Ratelimit", "Ratelimit-Policy", "cf-ray", "cf-cache-status",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a header's value may be logged.</summary>
    public static bool IsAllowed(string name) => _allowed.Contains(name);

    /// <summary>The opposite, for <c>RedactLoggedHeaders</c> of <see cref="IHttpClientFactory"/>'s loggers.</summary>
    public static bool ShouldRedact(string name) => !_allowed.Contains(name);
}
