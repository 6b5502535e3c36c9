using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated;

/// <summary>
/// Reads the message and code out of every error body the API is documented or known to send,
/// through the document's own types: <see cref="UnauthorizedResponse"/> (<c>{"message": …}</c>,
/// raw or wrapped in a JSON string, key quoted or not), <see cref="ErrorResponse"/>
/// (<c>{"success": false, "error": {"code", "message"}}</c>) and Cloudflare's v4
/// <see cref="CloudflareErrorEnvelope"/> (<c>{"errors": [{"code", "message"}]}</c>). Bodies that
/// are empty, HTML, truncated or not JSON at all get a description of what arrived instead.
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

        for (var depth = 0; depth < MaxUnwrapDepth && text.StartsWith('"'); depth++)
        {
            // The published schema stores the 401 body as a JSON string; servers send it that way too.
            if (TryParse(text) is not JValue { Type: JTokenType.String } inner)
            {
                return new(null, null, "the response body is not valid JSON");
            }

            text = ((string?)inner)?.Trim() ?? string.Empty;
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
        if (token is not JObject json)
        {
            return new(null, null, token is null ? "the response body is not valid JSON" : "the response body is JSON of an unknown shape");
        }

        if (json["error"] is JObject && Read<ErrorResponse>(json)?.Error is { } error)
        {
            return new(error.Message, WholeNumber(error.Code), "the response body has an error");
        }

        if (json["errors"] is JArray { Count: > 0 } && Read<CloudflareErrorEnvelope>(json)?.Errors is { Count: > 0 } errors)
        {
            var messages = errors.Select(e => e?.Message).Where(m => !string.IsNullOrEmpty(m)).ToArray();
            return new(messages.Length == 0 ? null : string.Join("; ", messages), errors.Select(e => e?.Code).FirstOrDefault(c => c is not null), "the response body has errors");
        }

        if (json["message"] is not null && Read<UnauthorizedResponse>(json)?.Message is { Length: > 0 } message)
        {
            return new(message, null, "the response body has a message");
        }

        return new(null, null, "the response body is JSON with no message");
    }

    private static T? Read<T>(JObject json)
        where T : class
    {
        try
        {
            return json.ToObject<T>(RealtimeKitJson.Serializer);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private static JToken? TryParse(string text)
    {
        try
        {
            // Newtonsoft's reader accepts unquoted property names, as in the published 401 examples.
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 32, ArrayPool = RealtimeKitJsonArrayPool.Instance };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>ErrorDetail.code is a JSON number in the published schema; the codes are whole numbers.</summary>
    private static int? WholeNumber(double code) =>
        code == Math.Floor(code) && code is >= int.MinValue and <= int.MaxValue ? (int)code : null;
}
