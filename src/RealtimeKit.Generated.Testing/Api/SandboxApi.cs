using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace RealtimeKit.Generated.Testing;

/// <summary>What the sandbox answers: a status, a body and its content type.</summary>
internal readonly record struct SandboxAnswer(int Status, string Body, string ContentType = "application/json");

/// <summary>
/// The behaviour of every operation of the document: the webhook operations over
/// <see cref="SandboxStore"/>, the others over <see cref="SandboxResourceApi"/>. Requests are
/// checked against the document first (path parameter rules, the request body's schema); the
/// answers have the documented shapes and statuses. An operation added to the document before the
/// sandbox implements it answers 501 (a test keeps that list empty).
/// </summary>
internal sealed class SandboxApi(SandboxDocument document, SandboxStore store, TimeProvider time)
{
    private readonly SandboxResourceApi _resources = new(new SandboxResourceStore(), time);

    /// <summary>The operations the sandbox implements (all of the document's); any other answers 501.</summary>
    public static IReadOnlySet<string> ImplementedOperations { get; } = new HashSet<string>(
        ["listWebhooks", "addWebhook", "listWebhookEvents", "getWebhook", "replaceWebhook", "editWebhook", "deleteWebhook", .. SandboxResourceApi.Operations],
        StringComparer.Ordinal);

    public SandboxStore Store => store;

    public SandboxResourceApi Resources => _resources;

    public SandboxAnswer Handle(SandboxRoute route, Dictionary<string, string> path, IReadOnlyDictionary<string, string> query, string? body)
    {
        if (!ImplementedOperations.Contains(route.OperationId))
        {
            return NotImplemented(route);
        }

        if (CheckPath(route, path) is { } badPath)
        {
            return badPath;
        }

        JObject? json = null;
        if (route.RequestBody is { } schema)
        {
            if (ParseBody(body, out json) is { } badBody)
            {
                return badBody;
            }

            if (CheckBody(schema, json!) is { } invalid)
            {
                return invalid;
            }
        }

        if (SandboxResourceApi.Operations.Contains(route.OperationId))
        {
            return _resources.Handle(route, path, query, json);
        }

        var account = path["account_id"];
        var app = path["app_id"];
        var id = path.TryGetValue("webhook_id", out var text) ? Guid.Parse(text) : Guid.Empty;
        return route.OperationId switch
        {
            "listWebhooks" => Ok(route, SandboxJson.WebhookListEnvelope(store.List(account, app))),
            "listWebhookEvents" => Ok(route, SandboxJson.EventListEnvelope(document.EventNames)),
            "addWebhook" => Ok(route, SandboxJson.WebhookEnvelope(Add(account, app, json!))),
            "getWebhook" => Found(route, id, store.Get(account, app, id)),
            "replaceWebhook" => Found(route, id, store.Update(account, app, id, w => Replace(w, json!))),
            "editWebhook" => Found(route, id, store.Update(account, app, id, w => Edit(w, json!))),
            "deleteWebhook" => Found(route, id, store.Remove(account, app, id)),
            _ => NotImplemented(route),
        };
    }

    /// <summary>An operation of the document the sandbox does not implement yet: 501 in the documented error shape, never a crash or a 404.</summary>
    private static SandboxAnswer NotImplemented(SandboxRoute route) =>
        new(501, SandboxJson.Error(501, $"{route.Method} {route.Template} ({route.OperationId}) is not implemented by the sandbox yet"));

    public StoredWebhook Seed(string account, string app, string name, string url, List<string> events, bool enabled)
    {
        var now = Now();
        return store.Add(account, app, new StoredWebhook { Id = Guid.NewGuid(), Name = name, Url = url, Events = events, Enabled = enabled, CreatedAt = now, UpdatedAt = now });
    }

    private StoredWebhook Add(string account, string app, JObject body) =>
        Seed(account, app, (string)body["name"]!, (string)body["url"]!, Events(body), body["enabled"] is JToken enabled ? (bool)enabled : true);

    private void Replace(StoredWebhook webhook, JObject body)
    {
        webhook.Name = (string)body["name"]!;
        webhook.Url = (string)body["url"]!;
        webhook.Events = Events(body);
        webhook.Enabled = body["enabled"] is JToken enabled ? (bool)enabled : true;
        webhook.UpdatedAt = Now();
    }

    private void Edit(StoredWebhook webhook, JObject body)
    {
        if (body["name"] is JToken name)
        {
            webhook.Name = (string)name!;
        }

        if (body["url"] is JToken url)
        {
            webhook.Url = (string)url!;
        }

        if (body["events"] is not null)
        {
            webhook.Events = Events(body);
        }

        if (body["enabled"] is JToken enabled)
        {
            webhook.Enabled = (bool)enabled;
        }

        webhook.UpdatedAt = Now();
    }

    private static List<string> Events(JObject body) => body["events"]!.Select(e => (string)e!).ToList();

    /// <summary>Now by the sandbox's clock, to the millisecond, as the API writes it.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static SandboxAnswer Ok(SandboxRoute route, string body) => new(route.SuccessStatus, body);

    private static SandboxAnswer Found(SandboxRoute route, Guid id, StoredWebhook? webhook) =>
        webhook is null
            ? new SandboxAnswer(404, SandboxJson.Error(404, $"NOT_FOUND webhook {id} does not exist"))
            : Ok(route, SandboxJson.WebhookEnvelope(webhook));

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
