using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated;

/// <summary>
/// Reads the message and code out of every error body the API is documented or known to send:
/// <c>{"message": …}</c> raw or wrapped in a JSON string, with the key quoted or not (the
/// reference pages show both); <c>{"success": false, "error": {"code", "message"}}</c>;
/// Cloudflare's v4 envelope <c>{"errors": [{"code", "message"}]}</c>; and bodies that are
/// empty, HTML, truncated or not JSON at all, which get a description of what arrived instead.
/// </summary>
internal readonly record struct RealtimeKitErrorBody(string? Message, int? Code, string Description)
{
    private const int MaxUnwrapDepth = 3;

    public static RealtimeKitErrorBody Parse(string? body, string? mediaType)
    {
        var text = body?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new(null, null, "the response body is empty");
        }

        for (var depth = 0; depth < MaxUnwrapDepth; depth++)
        {
            if (text.StartsWith('"'))
            {
                // The published schema stores the 401 body as a JSON string; servers send it that way too.
                if (TryParse(text) is JValue { Type: JTokenType.String } inner)
                {
                    text = ((string?)inner)?.Trim() ?? string.Empty;
                    continue;
                }

                return new(null, null, "the response body is not valid JSON");
            }

            break;
        }

        if (text.StartsWith('<') || (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return new(null, null, "the response body is HTML, not JSON");
        }

        if (!text.StartsWith('{') && !text.StartsWith('['))
        {
            return new(null, null, $"the response body is not JSON ({mediaType ?? "no content type"}, {text.Length} characters)");
        }

        var token = TryParse(text);
        if (token is not JObject obj)
        {
            return new(null, null, token is null ? "the response body is not valid JSON" : "the response body is JSON of an unknown shape");
        }

        if (obj["error"] is JObject error)
        {
            return new(Text(error["message"]), Number(error["code"]), "the response body has an error");
        }

        if (obj["errors"] is JArray { Count: > 0 } errors)
        {
            var messages = errors.OfType<JObject>().Select(e => Text(e["message"])).Where(m => !string.IsNullOrEmpty(m)).ToArray();
            var code = errors.OfType<JObject>().Select(e => Number(e["code"])).FirstOrDefault(c => c is not null);
            return new(messages.Length == 0 ? null : string.Join("; ", messages), code, "the response body has errors");
        }

        if (Text(obj["message"]) is { Length: > 0 } message)
        {
            return new(message, Number(obj["code"]), "the response body has a message");
        }

        if (obj["error"] is JValue { Type: JTokenType.String } errorText)
        {
            return new((string?)errorText, null, "the response body has an error");
        }

        return new(null, null, "the response body is JSON with no message");
    }

    private static JToken? TryParse(string text)
    {
        try
        {
            // Newtonsoft's reader accepts unquoted property names, as in the "Add a webhook" page's 401 example.
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 32 };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static int? Number(JToken? token) => token switch
    {
        JValue { Type: JTokenType.Integer } value when value.Value<long>() is >= int.MinValue and <= int.MaxValue => value.Value<int>(),
        JValue { Type: JTokenType.Float } value when value.Value<double>() is var d && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        JValue { Type: JTokenType.String } value when int.TryParse((string?)value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
