using System.Text.Json.Serialization;

namespace RealtimeKit.Cli;

// The command catalog as RealtimeKit.Cli.Catalog writes it at build time, from the OpenAPI
// document, and the CLI reads it at start (embedded, catalog.json): what the document says of
// each operation, so that starting the CLI parses no YAML.

/// <summary>Every command group, in the document's order.</summary>
internal sealed record CatalogDocument(IReadOnlyList<CatalogGroup> Groups);

/// <summary>A group: the operations of one tag (<paramref name="Tag"/>), or of one split of it.</summary>
internal sealed record CatalogGroup(string Name, string Description, string Tag, IReadOnlyList<CatalogOperation> Operations);

/// <summary>One operation: its command, its route, and the document's words for its parameters and body fields.</summary>
/// <param name="CommandName">The command's name in its group (<see cref="CommandNames.CommandName"/>).</param>
/// <param name="OperationId">The document's operationId; the generated method is its PascalCase + Async.</param>
/// <param name="HttpMethod">GET, POST, …</param>
/// <param name="Path">The path template.</param>
/// <param name="Summary">The document's summary: the command's description.</param>
/// <param name="Parameters">Each path and query parameter's description, by <see cref="Naming.Key"/> of its name.</param>
/// <param name="Body">The JSON request body, when the operation has one.</param>
internal sealed record CatalogOperation(
    string CommandName,
    string OperationId,
    string HttpMethod,
    string Path,
    string Summary,
    IReadOnlyDictionary<string, string?> Parameters,
    CatalogBody? Body);

/// <summary>A request body's required fields and each field's description, by JSON name.</summary>
internal sealed record CatalogBody(IReadOnlyList<string> Required, IReadOnlyDictionary<string, string?> Fields);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJson : JsonSerializerContext;
