using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock.Logging;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>Assertions on what went over the wire and what was read back.</summary>
internal static class Wire
{
    public static void AssertRequest(ILogEntry entry, string method, string path, string token, string? jsonBody, string? query = null)
    {
        var request = entry.RequestMessage;
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(query ?? string.Empty, (request.RawQuery ?? string.Empty).TrimStart('?'));
        Assert.Equal($"Bearer {token}", Header(entry, "Authorization"));
        Assert.Equal("application/json", Header(entry, "Accept"));
        Assert.Equal(UserAgent, Header(entry, "User-Agent"));
        if (jsonBody is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), $"expected no body, got '{request.Body}'");
            Assert.Null(Header(entry, "Content-Type"));
        }
        else
        {
            Assert.Equal("application/json; charset=utf-8", Header(entry, "Content-Type"));
            Assert.Equal(jsonBody, request.Body);
        }
    }

    /// <summary>What every request says in User-Agent: the library's version and the runtime's.</summary>
    public static string UserAgent
    {
        get
        {
            var version = typeof(WebhooksClient).Assembly.GetName().Version!;
            return $"RealtimeKit.Generated/{version.Major}.{version.Minor}.{version.Build} (.NET {Environment.Version})";
        }
    }

    public static string? Header(ILogEntry entry, string name)
    {
        var headers = entry.RequestMessage.Headers;
        if (headers is null)
        {
            return null;
        }

        foreach (var pair in headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(", ", pair.Value);
            }
        }

        return null;
    }

    /// <summary>The webhook of the reference pages' example, field by field.</summary>
    public static void AssertExampleWebhook(Webhook webhook)
    {
        Assert.Equal(SpecExamples.WebhookId, webhook.Id);
        Assert.Equal("All events webhook", webhook.Name);
        Assert.Equal(new Uri(SpecExamples.WebhookUrl), webhook.Url);
        Assert.Equal(SpecExamples.AllEventNames, webhook.Events.Select(e => e.ToString()));
        Assert.True(webhook.Enabled);
        var expected = new DateTimeOffset(2022, 5, 28, 7, 1, 53, 75, TimeSpan.Zero);
        Assert.Equal(expected, webhook.CreatedAt);
        Assert.Equal(TimeSpan.Zero, webhook.CreatedAt.Offset);
        Assert.Equal(expected, webhook.UpdatedAt);
    }

    public static JToken Json(string text) => JToken.Parse(text);

    /// <summary>
    /// The model read back holds exactly what the example says: written back as JSON, it equals the
    /// example (nulls and absent fields alike, numbers by value, date-times by instant). A field
    /// of the example the model does not know would be missing from the written JSON.
    /// </summary>
    public static void AssertModelMatchesExample(string exampleJson, object model)
    {
        // AdditionalProperties writes unknown and unreadable fields back as they arrived, so the
        // JSON alone would not show a field the model failed to hold as a typed property.
        Assert.Equal([], UnreadFields(model));
        AssertSameJson(exampleJson, RealtimeKitJson.Serialize(model));
    }

    /// <summary>The path of every field held in an <c>AdditionalProperties</c> of the model or a model inside it.</summary>
    public static List<string> UnreadFields(object? model, string path = "$")
    {
        var found = new List<string>();
        switch (model)
        {
            case null or string or Uri or JToken:
                break;
            case System.Collections.IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    found.AddRange(UnreadFields(item, $"{path}[{i++}]"));
                }

                break;
            default:
                var type = model.GetType();
                if (type.Namespace != typeof(RealtimeKitJson).Namespace || type.IsEnum || type.IsValueType)
                {
                    break;
                }

                foreach (var property in type.GetProperties().Where(p => p.GetIndexParameters().Length == 0))
                {
                    var value = property.GetValue(model);
                    if (property.Name == "AdditionalProperties")
                    {
                        found.AddRange(((IDictionary<string, JToken>?)value)?.Keys.Select(k => $"{path}.{k}") ?? []);
                    }
                    else
                    {
                        found.AddRange(UnreadFields(value, $"{path}.{property.Name}"));
                    }
                }

                break;
        }

        return found;
    }

    /// <summary>Two JSON texts say the same: nulls and absent fields alike, numbers by value (60 and 60.0), date-times by instant.</summary>
    public static void AssertSameJson(string expectedJson, string actualJson)
    {
        var expected = Normalize(Parse(expectedJson));
        var actual = Normalize(Parse(actualJson));
        Assert.True(JToken.DeepEquals(expected, actual), $"the JSON differs.{Environment.NewLine}expected: {expected}{Environment.NewLine}actual:   {actual}");
    }

    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.DateTimeOffset, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    private static JToken Normalize(JToken token) => token switch
    {
        JObject json => new JObject(json.Properties().Where(p => p.Value.Type != JTokenType.Null).Select(p => new JProperty(p.Name, Normalize(p.Value)))),
        JArray array => new JArray(array.Select(Normalize)),
        JValue { Type: JTokenType.Integer or JTokenType.Float } number => new JValue(number.ToObject<decimal>()),
        JValue { Value: DateTimeOffset moment } => new JValue(moment.ToUniversalTime()),
        _ => token,
    };
}
