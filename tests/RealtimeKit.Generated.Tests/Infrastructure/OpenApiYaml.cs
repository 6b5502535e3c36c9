using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// Reads the YAML document with Microsoft.OpenApi. Its YAML reader needs a SharpYaml version the
/// package mirror lacks, so YAML is turned into JSON with YamlDotNet first (plain scalars keep
/// their YAML 1.2 core types) and read with Microsoft.OpenApi's own JSON reader.
/// </summary>
internal static class OpenApiYaml
{
    public static ReadResult Read(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        var json = ToJson(yaml.Documents.Single().RootNode)!.ToJsonString();
        return OpenApiDocument.Parse(json, "json");
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => scalar.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start}"),
    };
}
