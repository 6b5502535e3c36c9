using System.Reflection;
using System.Text.Json;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>
/// The operations of the OpenAPI document, each joined to the generated client method that calls
/// it: the catalog (written at build time from the document by RealtimeKit.Cli.Catalog, embedded
/// as catalog.json) gives the group, command name, path, summary and descriptions; the method
/// gives the parameters and the body type. Starting the CLI parses no YAML.
/// </summary>
internal sealed class ApiCatalog
{
    private const string ResourceName = "RealtimeKit.Cli.catalog.json";

    private static readonly Lazy<ApiCatalog> _instance = new(Load);

    private ApiCatalog(IReadOnlyList<ApiGroup> groups) => Groups = groups;

    public static ApiCatalog Instance => _instance.Value;

    public IReadOnlyList<ApiGroup> Groups { get; }

    public IEnumerable<ApiOperation> Operations => Groups.SelectMany(g => g.Operations);

    private static ApiCatalog Load()
    {
        using var stream = typeof(ApiCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded command catalog is missing.");
        var catalog = JsonSerializer.Deserialize(stream, CatalogJson.Default.CatalogDocument)
            ?? throw new InvalidOperationException("The embedded command catalog is empty.");
        var clients = typeof(IWebhooksClient).Assembly;
        var groups = new List<ApiGroup>();
        foreach (var entry in catalog.Groups)
        {
            var client = clients.GetType($"RealtimeKit.Generated.I{entry.Tag}Client")
                ?? throw new InvalidOperationException($"No generated client I{entry.Tag}Client for the tag {entry.Tag}.");
            var group = new ApiGroup(entry.Name, entry.Description);
            foreach (var operation in entry.Operations)
            {
                var methodName = char.ToUpperInvariant(operation.OperationId[0]) + operation.OperationId[1..] + "Async";
                var method = client.GetMethod(methodName)
                    ?? throw new InvalidOperationException($"{client.Name} has no {methodName} for the operation {operation.OperationId}.");
                group.Operations.Add(new ApiOperation(group.Name, operation.CommandName, operation.OperationId, operation.HttpMethod, operation.Path, operation.Summary, operation, client, method));
            }

            groups.Add(group);
        }

        return new ApiCatalog(groups);
    }
}

/// <summary>A command group: the operations of one tag, or of one split of a tag.</summary>
internal sealed record ApiGroup(string Name, string Description)
{
    public List<ApiOperation> Operations { get; } = [];
}

/// <summary>One operation of the document (as the catalog has it) and the generated method that calls it.</summary>
internal sealed record ApiOperation(
    string Group,
    string CommandName,
    string OperationId,
    string HttpMethod,
    string Path,
    string Summary,
    CatalogOperation Document,
    Type Client,
    MethodInfo Method);
