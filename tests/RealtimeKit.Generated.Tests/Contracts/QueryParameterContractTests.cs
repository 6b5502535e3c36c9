using System.Collections;
using System.Reflection;
using Microsoft.OpenApi;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>
/// Every query parameter of every operation, from the document: the client method, called with
/// all of them set, sends each under the document's name, in the document's order, with the
/// value written as the API reads it (arrays comma-separated or repeated as explode says).
/// </summary>
public sealed class QueryParameterContractTests : ContractTestBase
{
    private static readonly DateTimeOffset _moment = new(2025, 3, 1, 8, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> OperationsWithQueryParameters =>
        [.. DocumentExamples.Operations.Where(o => QueryParameters(o.Operation).Count > 0).Select(o => o.Operation.OperationId!)];

    [Fact]
    public void Query_parameters_exist_on_operations_of_every_kind_they_are_documented_for() =>
        Assert.True(OperationsWithQueryParameters.Count >= 15, $"only {OperationsWithQueryParameters.Count} operations with query parameters");

    [Theory]
    [MemberData(nameof(OperationsWithQueryParameters))]
    public async Task Every_query_parameter_is_sent_under_its_documented_name_with_its_wire_value(string operationId)
    {
        var (_, _, operation) = DocumentExamples.Operations.Single(o => o.Operation.OperationId == operationId);
        var documented = QueryParameters(operation);
        Api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(DocumentExamples.SuccessStatus(operationId))
            .WithHeader("Content-Type", "application/json").WithBody(DocumentExamples.SuccessBody(operationId)));
        var resource = typeof(IRealtimeKitClient).GetProperty(operation.Tags!.Single().Name!)!;
        var client = resource.GetValue(Client)!;
        var method = resource.PropertyType.GetMethod(char.ToUpperInvariant(operationId[0]) + operationId[1..] + "Async")!;

        var expected = new List<string>();
        var arguments = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            var query = parameter.HasDefaultValue && parameter.ParameterType != typeof(CancellationToken)
                ? documented.SingleOrDefault(d => OriginalName(d) == parameter.Name)
                : null;
            if (query is null)
            {
                Assert.False(parameter.HasDefaultValue && parameter.ParameterType != typeof(CancellationToken),
                    $"{operationId}: optional parameter {parameter.Name} is no query parameter of the document");
                arguments.Add(Required(parameter));
                continue;
            }

            var (value, wire) = Sample(parameter.ParameterType);
            arguments.Add(value);
            expected.AddRange(wire.Count > 1 && query.Explode
                ? wire.Select(w => query.Name + "=" + w)
                : [query.Name + "=" + string.Join(',', wire)]);
        }

        var task = (Task)method.Invoke(client, [.. arguments])!;
        await task;

        Assert.Equal(documented.Count, method.GetParameters().Count(p => p.HasDefaultValue && p.ParameterType != typeof(CancellationToken)));
        Assert.Equal(documented.Select(d => d.Name), expected.Select(e => e[..e.IndexOf('=', StringComparison.Ordinal)]).Distinct());
        Assert.Equal(string.Join('&', expected), (Api.SingleRequest().RequestMessage.RawQuery ?? string.Empty).TrimStart('?'));
    }

    private static List<IOpenApiParameter> QueryParameters(OpenApiOperation operation) =>
        [.. (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Query)];

    private static string OriginalName(IOpenApiParameter parameter) =>
        parameter.Extensions is { } extensions && extensions.TryGetValue("x-originalName", out var name) && name is JsonNodeExtension node ? node.Node.GetValue<string>() : parameter.Name!;

    private static object Required(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(Guid) => MeetingId,
        var t when t == typeof(CancellationToken) => CancellationToken.None,
        var t when t == typeof(string) => parameter.Name switch
        {
            "accountId" => Account,
            "appId" => App,
            _ => "8cb91f4f-e220-4f9b-a896-5b893cc47618",
        },
        var t => throw new NotSupportedException($"no sample for required {t} {parameter.Name}"),
    };

    /// <summary>A value for an optional parameter, and how it must be written in the query (escaped).</summary>
    private static (object Value, List<string> Wire) Sample(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(string))
        {
            return ("a b&c", ["a%20b%26c"]);
        }

        if (inner == typeof(int))
        {
            return (3, ["3"]);
        }

        if (inner == typeof(long))
        {
            return (1740787200L, ["1740787200"]);
        }

        if (inner == typeof(double))
        {
            return (0.5, ["0.5"]);
        }

        if (inner == typeof(bool))
        {
            return (true, ["true"]);
        }

        if (inner == typeof(Guid))
        {
            return (MeetingId, [MeetingIdText]);
        }

        if (inner == typeof(DateTimeOffset))
        {
            return (_moment, ["2025-03-01T08%3A30%3A00.0000000%2B00%3A00"]);
        }

        if (inner == typeof(DateOnly))
        {
            return (new DateOnly(2025, 3, 1), ["2025-03-01"]);
        }

        if (KnownValues(inner) is { } known)
        {
            return (known[known.Count - 1]!, [Uri.EscapeDataString(known[known.Count - 1]!.ToString()!)]);
        }

        var element = inner.GetInterfaces().Append(inner).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (element is not null && KnownValues(element) is { Count: > 1 } values)
        {
            var array = Array.CreateInstance(element, 2);
            array.SetValue(values[0], 0);
            array.SetValue(values[1], 1);
            return (array, [Uri.EscapeDataString(values[0]!.ToString()!), Uri.EscapeDataString(values[1]!.ToString()!)]);
        }

        throw new NotSupportedException($"no sample for an optional {type}");
    }

    private static IList? KnownValues(Type type) =>
        type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IList;
}
