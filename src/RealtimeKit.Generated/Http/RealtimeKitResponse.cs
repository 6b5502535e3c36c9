namespace RealtimeKit.Generated;

/// <summary>
/// An answer of the API as it arrived, for a call made with <see cref="RealtimeKitRequestOptions"/>:
/// its status, its headers (the rate budget's <c>Ratelimit</c> and <c>Ratelimit-Policy</c>,
/// Cloudflare's <c>cf-ray</c>, …) and its raw body text (a success's whole body; an error's first
/// 64 KiB, as on <see cref="RealtimeKitApiException.Response"/>).
/// </summary>
public sealed class RealtimeKitResponse
{
    internal RealtimeKitResponse(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, string body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The response's and its content's headers, by name (case-insensitive), as they arrived.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The body as text (it may hold secrets such as a participant's token: it is never in <see cref="ToString"/>).</summary>
    public string Body { get; }

    /// <summary>A header's values joined by <c>", "</c>, or null when the answer has none by that name.</summary>
    /// <param name="name">The header's name, e.g. <c>cf-ray</c> or <c>Ratelimit</c>.</param>
    public string? GetHeader(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;
    }

    /// <summary>The status and the header names: never a value or the body.</summary>
    public override string ToString() => $"RealtimeKitResponse {{ StatusCode = {StatusCode}, Headers = [{string.Join(", ", Headers.Keys)}] }}";
}
