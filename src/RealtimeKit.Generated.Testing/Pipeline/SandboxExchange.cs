using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// One request on its way through the sandbox's pipeline, and what the stages learn of it: the
/// operation of the document it matches (if any), its body once checked, the headers and the
/// connection behaviour of the answer.
/// </summary>
internal sealed class SandboxExchange
{
    public SandboxExchange(string method, string path, IReadOnlyDictionary<string, string> headers, IReadOnlyDictionary<string, string> query, string? body, DateTimeOffset received)
    {
        Method = method;
        Path = path;
        Headers = headers;
        Query = query;
        Body = body;
        Received = received;
        ApiPath = path.StartsWith(RealtimeKitSandbox.BasePath, StringComparison.Ordinal) ? path[RealtimeKitSandbox.BasePath.Length..] : null;
        Match = ApiPath is null ? null : SandboxDocument.Instance.Match(method, ApiPath);
    }

    public string Method { get; }

    /// <summary>The request's path, from the root.</summary>
    public string Path { get; }

    /// <summary>The path under <see cref="RealtimeKitSandbox.BasePath"/>; null for a path outside the API.</summary>
    public string? ApiPath { get; }

    /// <summary>The request headers, by lower-case name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    public string? Body { get; }

    /// <summary>When the request arrived, by the sandbox's clock.</summary>
    public DateTimeOffset Received { get; }

    /// <summary>The operation of the document and its path values; null when no operation has this method and path.</summary>
    public (SandboxRoute Route, Dictionary<string, string> Values)? Match { get; }

    public string? OperationId => Match?.Route.OperationId;

    /// <summary>The request body as JSON, once <see cref="SandboxRequestCheckStage"/> has checked it against the operation's schema.</summary>
    public JObject? Json { get; set; }

    /// <summary>Headers the stages add to the answer.</summary>
    public Dictionary<string, string> ResponseHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set by a stage when no answer is to be sent: the connection is closed instead.</summary>
    public bool DropConnection { get; set; }
}
