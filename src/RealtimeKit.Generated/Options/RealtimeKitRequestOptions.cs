namespace RealtimeKit.Generated;

/// <summary>
/// What one call (or a few) may do differently from the client's options, and where its answer's
/// status, headers and raw body can be read: give it to a resource client's
/// <c>WithRequestOptions</c>, which answers a client whose calls use it.
/// </summary>
/// <example>
/// <code>
/// var call = new RealtimeKitRequestOptions { Timeout = TimeSpan.FromSeconds(5), DisableRetries = true };
/// call.Headers["X-Request-Id"] = requestId;
/// var meeting = await client.Meetings.WithRequestOptions(call).GetMeetingAsync(accountId, appId, meetingId);
/// Console.WriteLine($"{call.Response!.StatusCode} cf-ray {call.Response.GetHeader("cf-ray")}");
/// </code>
/// </example>
/// <remarks>
/// <see cref="Response"/> is the answer of the latest call made with these options; give each
/// concurrent call its own instance when you read it.
/// </remarks>
public sealed class RealtimeKitRequestOptions
{
    private static readonly HashSet<string> _reserved = new(
        ["Authorization", "X-Auth-Email", "X-Auth-Key", "Host", "Content-Type", "Content-Length", "Transfer-Encoding", "Connection", "Accept", "User-Agent"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>This call's total time instead of <see cref="RealtimeKitClientOptions.Timeout"/> (every attempt, the waits between them and reading the body); null for the client's. A client built by hand without dependency injection stays bounded by its <see cref="HttpClient.Timeout"/> as well.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Send once: no retry, whatever the client's <see cref="RealtimeKitClientOptions.Retry"/> says.</summary>
    public bool DisableRetries { get; set; }

    /// <summary>Headers to add to the request (a correlation id, say). The credential and the headers the client writes itself (<c>Authorization</c>, <c>X-Auth-Email</c>, <c>X-Auth-Key</c>, <c>Host</c>, <c>Content-Type</c>, <c>Content-Length</c>, <c>Transfer-Encoding</c>, <c>Connection</c>, <c>Accept</c>, <c>User-Agent</c>) cannot be set here.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The answer of the latest call made with these options (a success or an error), once it arrived; null before.</summary>
    public RealtimeKitResponse? Response { get; internal set; }

    /// <summary>The options' values checked before anything is sent; the message names what is wrong.</summary>
    internal void Validate()
    {
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "RealtimeKitRequestOptions.Timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }

        foreach (var (name, value) in Headers)
        {
            if (_reserved.Contains(name))
            {
                throw new ArgumentException($"RealtimeKitRequestOptions.Headers cannot set '{name}': the client writes it.", nameof(Headers));
            }

            if (string.IsNullOrWhiteSpace(name) || name.AsSpan().ContainsAny(" :\r\n") || value is null || value.AsSpan().ContainsAny("\r\n"))
            {
                throw new ArgumentException($"RealtimeKitRequestOptions.Headers has an invalid header '{name}': a name without spaces or colons, a value without line breaks.", nameof(Headers));
            }
        }
    }

    /// <summary>The options without the answer: never a header value, which may be a secret.</summary>
    public override string ToString() =>
        $"RealtimeKitRequestOptions {{ Timeout = {(Timeout is { } t ? t.ToString() : "client's")}, DisableRetries = {DisableRetries}, Headers = [{string.Join(", ", Headers.Keys)}] }}";
}
