using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The document's rules for a request, checked before the operation runs: each path parameter's
/// (a length, the UUID of an id whose malformed form the published schema answers 400), and the
/// request body's schema; a request that breaks one is answered 400 naming the field, in the
/// API's error envelope. Only the rules the service is known to apply are checked here, so the
/// sandbox is never stricter than the service. The body, once read, is kept on the exchange.
/// </summary>
internal sealed class SandboxRequestCheckStage : ISandboxStage
{
    public ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next)
    {
        var (route, values) = exchange.Match!.Value;
        if (CheckPath(route, values) is { } badPath)
        {
            return ValueTask.FromResult(badPath);
        }

        if (route.RequestBody is { } schema)
        {
            if (ParseBody(exchange.Body, out var json) is { } badBody)
            {
                return ValueTask.FromResult(badBody);
            }

            if (CheckBody(schema, json!) is { } invalid)
            {
                return ValueTask.FromResult(invalid);
            }

            exchange.Json = json;
        }

        return next(exchange);
    }

    private static SandboxAnswer? CheckPath(SandboxRoute route, Dictionary<string, string> values)
    {
        foreach (var parameter in route.Parameters)
        {
            var value = values[parameter.Name];
            if (parameter.MaxLength is { } max && value.Length > max)
            {
                return BadRequest($"\"{parameter.Name}\" must be at most {max} characters long");
            }

            if (parameter.Format == "uuid" && parameter.MalformedStatus is 400 && !Guid.TryParseExact(value, "D", out _))
            {
                // The published schema's own example of this answer (the webhooks resource's);
                // any other malformed id goes on to the operation, which answers 404 as for an
                // id that does not exist.
                return BadRequest("\"id\" must be a valid GUID");
            }
        }

        return null;
    }

    private static SandboxAnswer? ParseBody(string? body, out JObject? json)
    {
        json = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return BadRequest("the request body is required");
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None, MaxDepth = 32 };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return BadRequest("the request body is not valid JSON");
            }

            json = token as JObject;
            return json is null ? BadRequest("the request body must be a JSON object") : null;
        }
        catch (JsonException)
        {
            return BadRequest("the request body is not valid JSON");
        }
    }

    private static SandboxAnswer? CheckBody(NJsonSchema.JsonSchema schema, JObject body)
    {
        var errors = schema.Validate(body);
        if (errors.Count > 0)
        {
            return BadRequest(Describe(errors.SelectMany(Innermost).OrderBy(e => e.Path, StringComparer.Ordinal).First()));
        }

        // format: uri accepts any absolute URI; a webhook needs an http(s) address.
        if (body["url"] is JValue { Type: JTokenType.String } url
            && !(Uri.TryCreate((string?)url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return BadRequest("\"url\" must be an absolute http or https URL");
        }

        return null;
    }

    /// <summary>An array item's or a sub-schema's own errors say more than "item not valid".</summary>
    private static IEnumerable<ValidationError> Innermost(ValidationError error) =>
        error is ChildSchemaValidationError child && child.Errors.Values.SelectMany(e => e).Any()
            ? child.Errors.Values.SelectMany(e => e).SelectMany(Innermost)
            : [error];

    private static string Describe(ValidationError error)
    {
        var field = Field(error);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"\"{field}\" is required",
            ValidationErrorKind.NotInEnumeration => $"\"{field}\" is not a supported event",
            ValidationErrorKind.UriExpected => $"\"{field}\" must be a valid URI",
            ValidationErrorKind.StringExpected => $"\"{field}\" must be a string",
            ValidationErrorKind.BooleanExpected => $"\"{field}\" must be a boolean",
            ValidationErrorKind.ArrayExpected => $"\"{field}\" must be an array",
            ValidationErrorKind.TooFewProperties => "the request body must set at least one field",
            _ => $"\"{field}\" is invalid ({error.Kind})",
        };
    }

    private static string Field(ValidationError error)
    {
        var path = error.Path?.TrimStart('#', '/') ?? string.Empty;
        var name = path.Length > 0 ? path.Replace('/', '.') : error.Property ?? "body";
        return error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } property && !name.EndsWith(property, StringComparison.Ordinal)
            ? property
            : name;
    }

    private static SandboxAnswer BadRequest(string message) => new(400, SandboxJson.Error(400, "BAD_REQUEST " + message));
}
