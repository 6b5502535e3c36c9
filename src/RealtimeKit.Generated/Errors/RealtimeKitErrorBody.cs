using System.Buffers;
using System.Reflection;
using System.Text;
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

    // The property names come from the document's types, so each is written once, in the document.
    private static readonly string _errorName = JsonName<ErrorResponse>(nameof(ErrorResponse.Error));
    private static readonly string _errorsName = JsonName<CloudflareErrorEnvelope>(nameof(CloudflareErrorEnvelope.Errors));
    private static readonly string _messageName = JsonName<UnauthorizedResponse>(nameof(UnauthorizedResponse.Message));

    public static RealtimeKitErrorBody Parse(string? body, string? mediaType)
    {
        // The checks look at the text without its surrounding white space; the readers skip it
        // themselves, so no trimmed copy is made.
        var text = body ?? string.Empty;
        if (text.AsSpan().Trim().IsEmpty)
        {
            return new(null, null, "the response body is empty");
        }

        for (var depth = 0; depth < MaxUnwrapDepth && text.AsSpan().TrimStart().StartsWith('"'); depth++)
        {
            // The published schema stores the 401 body as a JSON string; servers send it that way too.
            if (Unwrap(text) is not { } inner)
            {
                return new(null, null, "the response body is not valid JSON");
            }

            text = inner;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.StartsWith('<') || (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return new(null, null, "the response body is HTML, not JSON");
        }

        if (!trimmed.StartsWith('{') && !trimmed.StartsWith('['))
        {
            return new(null, null, $"the response body is not JSON ({mediaType ?? "no content type"}, {trimmed.Length} characters)");
        }

        try
        {
            return ReadObject(text) ?? new(null, null, "the response body is not valid JSON");
        }
        catch (JsonException)
        {
            return new(null, null, "the response body is not valid JSON");
        }
    }

    /// <summary>
    /// One pass over the body: only the parts that carry a message (an <c>error</c> object, an
    /// <c>errors</c> array) are read into the document's types; the rest is skipped unbuilt.
    /// </summary>
    private static RealtimeKitErrorBody? ReadObject(string text)
    {
        using var reader = CreateReader(text);
        if (!reader.Read())
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            // Read whole, so that a truncated array is told from a complete one.
            JToken.ReadFrom(reader);
            return reader.Read() ? null : new(null, null, "the response body is JSON of an unknown shape");
        }

        ErrorDetail? error = null;
        ICollection<CloudflareMessage>? errors = null;
        string? message = null;
        var closed = false;
        while (reader.Read())
        {
            // Every value below is read to its end, so an EndObject here closes the body's object.
            if (reader.TokenType == JsonToken.EndObject)
            {
                closed = true;
                break;
            }

            if (reader.TokenType != JsonToken.PropertyName || reader.Value is not string name || !reader.Read())
            {
                return null;
            }

            if (name == _errorName && reader.TokenType == JsonToken.StartObject)
            {
                error = Read<ErrorDetail>(JToken.ReadFrom(reader));
            }
            else if (name == _errorsName && reader.TokenType == JsonToken.StartArray)
            {
                errors = Read<ICollection<CloudflareMessage>>(JToken.ReadFrom(reader));
            }
            else if (name == _messageName && reader.TokenType == JsonToken.String)
            {
                message = reader.Value as string;
            }
            else
            {
                reader.Skip();
            }
        }

        if (!closed || reader.Read())
        {
            return null;
        }

        if (error is not null)
        {
            return new(error.Message, WholeNumber(error.Code), "the response body has an error");
        }

        if (errors is { Count: > 0 })
        {
            var messages = errors.Select(e => e?.Message).Where(m => !string.IsNullOrEmpty(m)).ToArray();
            return new(messages.Length == 0 ? null : string.Join("; ", messages), errors.Select(e => e?.Code).FirstOrDefault(c => c is not null), "the response body has errors");
        }

        return message is { Length: > 0 }
            ? new(message, null, "the response body has a message")
            : new(null, null, "the response body is JSON with no message");
    }

    /// <summary>
    /// The string a JSON string literal holds, or null when <paramref name="text"/> is not exactly
    /// one. Read with System.Text.Json's reader over the text's UTF-8 in a pooled buffer: a string
    /// literal is standard JSON, and that reader is a struct, so only the inner text is allocated.
    /// </summary>
    private static string? Unwrap(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            var reader = new System.Text.Json.Utf8JsonReader(buffer.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.String)
            {
                return null;
            }

            var inner = reader.GetString();
            return reader.Read() ? null : inner;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not one JSON value, or an escape that makes no valid text (a lone surrogate).
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static T? Read<T>(JToken json)
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

    // Newtonsoft's reader accepts unquoted property names, as in the published 401 examples.
    private static JsonTextReader CreateReader(string text) =>
        new(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 32, ArrayPool = RealtimeKitJsonArrayPool.Instance };

    private static string JsonName<T>(string property) =>
        typeof(T).GetProperty(property)?.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName
        ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} has no JSON name.");

    /// <summary>ErrorDetail.code is a JSON number in the published schema; the codes are whole numbers.</summary>
    private static int? WholeNumber(double code) =>
        code == Math.Floor(code) && code is >= int.MinValue and <= int.MaxValue ? (int)code : null;
}
