using Microsoft.OpenApi;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>
/// Every operation, driven from the document alone: the client method sends the documented
/// method to the documented path (every path parameter in its place), with the usual headers, no
/// query unless asked, the document's request example as its body, and reads the documented
/// success example at the documented status without loss.
/// </summary>
public sealed class RouteContractTests : ContractTestBase
{
    /// <summary>Bodies whose operation has no request example of its own: the nearest documented one.</summary>
    private static readonly Dictionary<string, Func<string>> _bodyWithoutExample = new(StringComparer.Ordinal)
    {
        ["replaceMeeting"] = () => DocumentExamples.RequestBody("createMeeting"),
        ["createPreset"] = PresetData,
        ["replacePreset"] = PresetData,
        ["replaceWebhook"] = () => DocumentExamples.RequestBody("addWebhook"),
        ["editWebhook"] = () => DocumentExamples.RequestBody("addWebhook"),
    };

    public static TheoryData<string> AllOperations => [.. DocumentExamples.Operations.Select(o => o.Operation.OperationId!)];

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task The_documented_method_and_path_are_sent_and_the_documented_answer_is_read(string operationId)
    {
        var (template, httpMethod, operation) = DocumentExamples.Operations.Single(o => o.Operation.OperationId == operationId);
        var example = DocumentExamples.SuccessBody(operationId);
        Api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(DocumentExamples.SuccessStatus(operationId))
            .WithHeader("Content-Type", "application/json").WithBody(example));
        var resource = typeof(IRealtimeKitClient).GetProperty(operation.Tags!.Single().Name!)!;
        var method = resource.PropertyType.GetMethod(char.ToUpperInvariant(operationId[0]) + operationId[1..] + "Async")!;

        var pathParameters = DocumentExamples.Document.Paths[template].Parameters!.Concat(operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Path).ToList();
        var path = "/client/v4" + template;
        var arguments = new List<object?>();
        string? bodyExample = null;
        foreach (var parameter in method.GetParameters())
        {
            var documented = pathParameters.SingleOrDefault(p => OriginalName(p) == parameter.Name);
            if (documented is not null)
            {
                var text = documented.Name switch
                {
                    "account_id" => Account,
                    "app_id" => App,
                    _ => Guid.NewGuid().ToString("D"),
                };
                path = path.Replace("{" + documented.Name + "}", text, StringComparison.Ordinal);
                arguments.Add(parameter.ParameterType == typeof(Guid) ? Guid.Parse(text) : text);
            }
            else if (parameter.Name == "body")
            {
                var media = operation.RequestBody!.Content!["application/json"];
                bodyExample = media.Example?.ToJsonString();
                var json = bodyExample ?? _bodyWithoutExample[operationId]();
                arguments.Add(Newtonsoft.Json.JsonConvert.DeserializeObject(json, parameter.ParameterType, RealtimeKitJson.SerializerSettings));
            }
            else
            {
                Assert.True(parameter.HasDefaultValue, $"{operationId}: {parameter.Name} is neither a path parameter, the body nor optional");
                arguments.Add(parameter.DefaultValue);
            }
        }

        Assert.Equal(pathParameters.Count, method.GetParameters().Count(p => pathParameters.Any(d => OriginalName(d) == p.Name)));
        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        var task = (Task)method.Invoke(resource.GetValue(Client), [.. arguments])!;
        await task;
        var result = task.GetType().GetProperty("Result")!.GetValue(task)!;

        var sent = Api.SingleRequest().RequestMessage.Body;
        Wire.AssertRequest(Api.SingleRequest(), httpMethod.Method, path, Api.Token, operation.RequestBody is null ? null : sent);
        if (bodyExample is not null)
        {
            Wire.AssertSameJson(bodyExample, sent!);
        }

        Wire.AssertModelMatchesExample(example, result);
    }

    private static string PresetData()
    {
        var data = (JObject)Wire.Json(DocumentExamples.SuccessBody("getPreset"))["data"]!;
        return data.ToString();
    }

    private static string OriginalName(IOpenApiParameter parameter) =>
        parameter.Extensions is { } extensions && extensions.TryGetValue("x-originalName", out var name) && name is JsonNodeExtension node ? node.Node.GetValue<string>() : parameter.Name!;
}
