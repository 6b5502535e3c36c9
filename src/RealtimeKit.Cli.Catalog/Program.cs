using System.Text.Json;
using NSwag;
using RealtimeKit.Cli;

// realtimekit-catalog {openapi.yaml} {catalog.json}: the CLI's command catalog from the document.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: RealtimeKit.Cli.Catalog <openapi.yaml> <catalog.json>");
    return 2;
}

var document = await OpenApiYamlDocument.FromFileAsync(args[0]);
var groups = new List<(string Name, string Description, string Tag, List<CatalogOperation> Operations)>();
foreach (var tag in document.Tags)
{
    var tagGroup = (Name: Naming.Kebab(tag.Name), Description: tag.Description ?? tag.Name, Tag: tag.Name, Operations: new List<CatalogOperation>());
    groups.Add(tagGroup);
    foreach (var split in CommandNames.Splits.Where(s => s.Tag == tag.Name))
    {
        groups.Add((split.Group, split.Description, tag.Name, []));
    }

    foreach (var (path, item) in document.Paths)
    {
        foreach (var (method, operation) in item)
        {
            if (!operation.Tags.Contains(tag.Name))
            {
                continue;
            }

            var segments = path.Split('/');
            var split = CommandNames.Splits.FirstOrDefault(s => s.Tag == tag.Name && segments.Contains(s.Segment));
            var group = groups.Single(g => g.Name == (split.Group ?? tagGroup.Name));
            var schema = operation.RequestBody?.Content.TryGetValue("application/json", out var media) == true ? media.Schema?.ActualSchema : null;
            group.Operations.Add(new CatalogOperation(
                CommandNames.CommandName(operation.OperationId, group.Name),
                operation.OperationId,
                method.ToUpperInvariant(),
                path,
                operation.Summary ?? operation.OperationId,
                operation.ActualParameters.ToDictionary(p => Naming.Key(p.Name), p => (string?)p.Description),
                schema is null ? null : new CatalogBody(
                    [.. schema.RequiredProperties],
                    schema.ActualProperties.ToDictionary(p => p.Key, p => (string?)p.Value.Description))));
        }
    }
}

foreach (var group in groups)
{
    if (group.Operations.GroupBy(o => o.CommandName).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
    {
        Console.Error.WriteLine($"The naming rule gives '{group.Name} {duplicate.Key}' to {string.Join(" and ", duplicate.Select(o => o.OperationId))}: add an override (CommandNames).");
        return 1;
    }
}

var catalog = new CatalogDocument([.. groups.Where(g => g.Operations.Count > 0).Select(g => new CatalogGroup(g.Name, g.Description, g.Tag, g.Operations))]);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
await File.WriteAllTextAsync(args[1], JsonSerializer.Serialize(catalog, CatalogJson.Default.CatalogDocument));
return 0;
