using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>One call of an operation, as its handler receives it: checked against the document, authenticated.</summary>
/// <param name="Route">The operation's route in the document.</param>
/// <param name="Path">The path parameters, by the document's names.</param>
/// <param name="Query">The query parameters (repeated ones comma-joined).</param>
/// <param name="Body">The request body, for an operation that has one (valid against its schema).</param>
internal sealed record SandboxCall(SandboxRoute Route, IReadOnlyDictionary<string, string> Path, IReadOnlyDictionary<string, string> Query, JObject? Body)
{
    /// <summary>The account of the path.</summary>
    public string Account => Path["account_id"];

    /// <summary>The app of the path; empty for the account's own operations (apps).</summary>
    public string App => Path.TryGetValue("app_id", out var app) ? app : string.Empty;

    /// <summary>The body of an operation that requires one (the request check has refused a request without it).</summary>
    public JObject Json => Body ?? throw new InvalidOperationException($"{Route.OperationId} has no request body.");

    /// <summary>A path parameter of the operation's route.</summary>
    /// <param name="name">Its name in the document, e.g. <c>meeting_id</c>.</param>
    public string Id(string name) => Path[name];
}
