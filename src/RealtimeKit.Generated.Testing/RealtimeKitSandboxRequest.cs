namespace RealtimeKit.Generated.Testing;

/// <summary>A request the sandbox received, with the answer it gave; for assertions.</summary>
/// <param name="Method">The HTTP method, e.g. <c>PATCH</c>.</param>
/// <param name="Path">The path, e.g. <c>/client/v4/accounts/acc/realtime/kit/app/webhooks</c>.</param>
/// <param name="Headers">The request headers (names in lower case; repeated values joined with <c>, </c>).</param>
/// <param name="Body">The request body, or null when there was none.</param>
/// <param name="OperationId">The document's operationId the request matched, e.g. <c>editWebhook</c>; null when it matched none.</param>
/// <param name="StatusCode">The status the sandbox answered with; 0 when it closed the connection without an answer (<see cref="RealtimeKitSandboxFault.DroppedConnection"/>).</param>
/// <param name="ResponseBody">The body the sandbox answered with; empty when there was no answer.</param>
/// <param name="ReceivedAt">When the request arrived, by the sandbox's clock.</param>
public sealed record RealtimeKitSandboxRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? OperationId,
    int StatusCode,
    string ResponseBody,
    DateTimeOffset ReceivedAt)
{
    /// <summary>A header's value, or null; the name is matched ignoring case.</summary>
    /// <param name="name">The header name.</param>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
