using System.Reflection;
using Microsoft.OpenApi;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>
/// Every request body of the document, at every level: the type the client method takes writes
/// exactly the schema's properties under their JSON names, so no documented field can be missing
/// from what is sent, and nothing undocumented is sent.
/// </summary>
public sealed class RequestBodySchemaContractTests
{
    public static TheoryData<string> OperationsWithABody =>
        [.. DocumentExamples.Operations.Where(o => o.Operation.RequestBody is not null).Select(o => o.Operation.OperationId!)];

    [Theory]
    [MemberData(nameof(OperationsWithABody))]
    public void The_body_type_has_every_property_of_the_schema_under_its_JSON_name(string operationId)
    {
        var (_, _, operation) = DocumentExamples.Operations.Single(o => o.Operation.OperationId == operationId);
        var schema = operation.RequestBody!.Content!["application/json"].Schema!;
        var resource = typeof(IRealtimeKitClient).GetProperty(operation.Tags!.Single().Name!)!.PropertyType;
        var method = resource.GetMethod(char.ToUpperInvariant(operationId[0]) + operationId[1..] + "Async")!;
        var body = method.GetParameters().Single(p => p.Name == "body").ParameterType;

        Assert.NotEmpty(Properties(schema));
        var differences = new List<string>();
        HashSet<Type> compared = [];
        Compare(schema, body, operationId + " body", differences, compared);

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.True(compared.Count >= 1);
    }

    private static void Compare(IOpenApiSchema schema, Type type, string where, List<string> differences, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        var documented = Properties(schema);
        var written = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Json: p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName))
            .Where(p => p.Json is not null)
            .ToDictionary(p => p.Json!, p => p.Property, StringComparer.Ordinal);

        differences.AddRange(documented.Keys.Where(k => !written.ContainsKey(k)).Select(k => $"{where}: '{k}' is documented, {type.Name} does not write it"));
        differences.AddRange(written.Keys.Where(k => !documented.ContainsKey(k)).Select(k => $"{where}: {type.Name} writes '{k}', the schema has no such property"));

        foreach (var (name, property) in documented)
        {
            if (written.TryGetValue(name, out var member) && Element(property) is { } inner && ModelType(member.PropertyType) is { } model)
            {
                Compare(inner, model, where + "." + name, differences, seen);
            }
        }
    }

    /// <summary>The object schema a property holds (itself, its items, or its map values), when it has properties of its own.</summary>
    private static IOpenApiSchema? Element(IOpenApiSchema schema)
    {
        if (Properties(schema).Count > 0)
        {
            return schema;
        }

        var next = schema.Items ?? schema.AdditionalProperties ?? schema.AllOf?.FirstOrDefault() ?? schema.OneOf?.FirstOrDefault();
        return next is null ? null : Element(next);
    }

    private static Dictionary<string, IOpenApiSchema> Properties(IOpenApiSchema schema)
    {
        var all = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var part in (schema.AllOf ?? []).Append(schema))
        {
            foreach (var (name, property) in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                all[name] = property;
            }
        }

        return all;
    }

    /// <summary>The generated model class a property's type holds (itself, a collection's or a map's values).</summary>
    private static Type? ModelType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType)
        {
            return ModelType(type.GetGenericArguments().Last());
        }

        return type.IsClass && type.Assembly == typeof(IRealtimeKitClient).Assembly ? type : null;
    }
}
