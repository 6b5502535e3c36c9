using Microsoft.OpenApi;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>The operations of the OpenAPI document and their examples, read once.</summary>
internal static class DocumentExamples
{
    private static readonly Lazy<OpenApiDocument> _document = new(() => OpenApiYaml.Read(Repository.OpenApiDocument).Document!);

    public static OpenApiDocument Document => _document.Value;

    /// <summary>Every operation with its path and method, in the document's order.</summary>
    public static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations =>
        Document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (p.Key, o.Key, o.Value)));

    public static OpenApiOperation Operation(string operationId) =>
        Operations.Single(o => o.Operation.OperationId == operationId).Operation;

    /// <summary>The documented success status of an operation (its first 2xx response).</summary>
    public static int SuccessStatus(string operationId) =>
        int.Parse(Operation(operationId).Responses!.Keys.First(k => k.StartsWith('2')), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The example of the operation's success answer, as JSON text.</summary>
    public static string SuccessBody(string operationId)
    {
        var response = Operation(operationId).Responses!.First(r => r.Key.StartsWith('2')).Value;
        var media = response.Content!["application/json"];
        var example = media.Example ?? Assert.Single(media.Examples!).Value.Value;
        return example!.ToJsonString();
    }

    /// <summary>The example of the operation's request body, as JSON text.</summary>
    public static string RequestBody(string operationId) =>
        Operation(operationId).RequestBody!.Content!["application/json"].Example!.ToJsonString();

    /// <summary>A preset to create or replace with: the data of the document's preset answer, less what the service sets.</summary>
    public static string PresetRequestBody()
    {
        var preset = (Newtonsoft.Json.Linq.JObject)Newtonsoft.Json.Linq.JObject.Parse(SuccessBody("createPreset"))["data"]!;
        preset.Remove("id");
        preset.Remove("created_at");
        preset.Remove("updated_at");
        return preset.ToString(Newtonsoft.Json.Formatting.None);
    }
}
