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
    private const int MaxDepth = 32;

    // The property names come from the document's types, so each is written once, in the document.
    private static readonly string _errorName = JsonName<ErrorResponse>(nameof(ErrorResponse.Error));
    private static readonly string _errorsName = JsonName<CloudflareErrorEnvelope>(nameof(CloudflareErrorEnvelope.Errors));
    private static readonly string _messageName = JsonName<UnauthorizedResponse>(nameof(UnauthorizedResponse.Message));
    private static readonly byte[] _errorNameUtf8 = Encoding.UTF8.GetBytes(_errorName);
    private static readonly byte[] _errorsNameUtf8 = Encoding.UTF8.GetBytes(_errorsName);
    private static readonly byte[] _messageNameUtf8 = Encoding.UTF8.GetBytes(_messageName);

    public static RealtimeKitErrorBody Parse(string? body, string? mediaType)
    {
        var text = body ?? string.Empty;
        if (text.AsSpan().Trim().IsEmpty)
        {
            return new(null, null, "the response body is empty");
        }

        // The text's UTF-8 in a pooled buffer, read by System.Text.Json's reader (a struct): a body
        // in standard JSON costs no reader object and no property name. Unwrapping a JSON string
        // writes its content into the second buffer; content is never longer than its literal.
        var size = Encoding.UTF8.GetMaxByteCount(text.Length);
        var current = ArrayPool<byte>.Shared.Rent(size);
        byte[]? spare = null;
        try
        {
            var length = Encoding.UTF8.GetBytes(text, current);
            for (var depth = 0; depth < MaxUnwrapDepth && TrimWhiteSpace(current.AsSpan(0, length)).StartsWith((byte)'"'); depth++)
            {
                // The published schema stores the 401 body as a JSON string; servers send it that way too.
                spare ??= ArrayPool<byte>.Shared.Rent(size);
                if (Unwrap(current.AsSpan(0, length), spare) is not { } unwrapped)
                {
                    return new(null, null, "the response body is not valid JSON");
                }

                (current, spare, length) = (spare, current, unwrapped);
            }

            return Classify(current.AsMemory(0, length), mediaType);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            if (spare is not null)
            {
                ArrayPool<byte>.Shared.Return(spare);
            }
        }
    }

    private static RealtimeKitErrorBody Classify(ReadOnlyMemory<byte> json, string? mediaType)
    {
        var trimmed = TrimWhiteSpace(json.Span);
        if (trimmed.StartsWith((byte)'<') || (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return new(null, null, "the response body is HTML, not JSON");
        }

        if (!trimmed.StartsWith((byte)'{') && !trimmed.StartsWith((byte)'['))
        {
            return new(null, null, $"the response body is not JSON ({mediaType ?? "no content type"}, {Encoding.UTF8.GetCharCount(trimmed)} characters)");
        }

        // The published 401 examples name their properties without quotes ({message: "…"}): such a
        // body, told by its first name, is read with its names quoted. What System.Text.Json does
        // not take even so, Newtonsoft's reader, which takes more, decides.
        if ((StartsWithUnquotedName(trimmed) ? ReadUnquoted(json.Span) : TryReadStandard(json)) is { } found)
        {
            return found;
        }

        try
        {
            return ReadLenient(Encoding.UTF8.GetString(json.Span)) ?? new(null, null, "the response body is not valid JSON");
        }
        catch (JsonException)
        {
            return new(null, null, "the response body is not valid JSON");
        }
    }

    /// <summary>
    /// One pass over a body in standard JSON; throws where it is not. Only the parts that carry a
    /// message (an <c>error</c> object, an <c>errors</c> array) are read into the document's types.
    /// </summary>
    internal static RealtimeKitErrorBody ReadStandard(ReadOnlyMemory<byte> json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json.Span, new System.Text.Json.JsonReaderOptions { MaxDepth = MaxDepth });
        reader.Read();
        if (reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
        {
            // Read whole, so that a truncated array is told from a complete one (which throws).
            reader.Skip();
            reader.Read();
            return new(null, null, "the response body is JSON of an unknown shape");
        }

        ErrorDetail? error = null;
        ICollection<CloudflareMessage>? errors = null;
        string? message = null;
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            var isError = reader.ValueTextEquals(_errorNameUtf8);
            var isErrors = !isError && reader.ValueTextEquals(_errorsNameUtf8);
            var isMessage = !isError && !isErrors && reader.ValueTextEquals(_messageNameUtf8);
            reader.Read();
            if (isError && reader.TokenType == System.Text.Json.JsonTokenType.StartObject)
            {
                error = Read<ErrorDetail>(ValueOf(json, ref reader));
            }
            else if (isErrors && reader.TokenType == System.Text.Json.JsonTokenType.StartArray)
            {
                errors = Read<ICollection<CloudflareMessage>>(ValueOf(json, ref reader));
            }
            else if (isMessage && reader.TokenType == System.Text.Json.JsonTokenType.String)
            {
                message = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        // Nothing may follow the object (this throws where something does).
        reader.Read();
        return Found(error, errors, message);
    }

    /// <summary>
    /// A body whose property names are unquoted, read by <see cref="ReadStandard"/> with its names
    /// quoted; null where it is not standard JSON even so (or has a name that is not ASCII).
    /// </summary>
    internal static RealtimeKitErrorBody? ReadUnquoted(ReadOnlySpan<byte> json)
    {
        // Quoting adds two bytes to a name of at least one byte that a colon follows.
        var quoted = ArrayPool<byte>.Shared.Rent((json.Length * 2) + 2);
        try
        {
            return QuoteNames(json, quoted) is { } length ? TryReadStandard(quoted.AsMemory(0, length)) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(quoted);
        }
    }

    private static RealtimeKitErrorBody? TryReadStandard(ReadOnlyMemory<byte> json)
    {
        try
        {
            return ReadStandard(json);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Copies <paramref name="json"/> into <paramref name="quoted"/> with double quotes around
    /// each name that stands unquoted where an object expects a name (after <c>{</c>, or a comma in
    /// an object), and returns the length; null where such a name is not ASCII letters, digits,
    /// <c>_</c> and <c>$</c>, or objects nest deeper than the readers' limit. Everything else is
    /// copied as it is, for the reader to judge: a single quote or a comment outside a string stays
    /// and makes the copy invalid, so Newtonsoft decides those.
    /// </summary>
    internal static int? QuoteNames(ReadOnlySpan<byte> json, Span<byte> quoted)
    {
        ulong objects = 0; // bit n: the container at depth n + 1 is an object
        var depth = 0;
        var expectName = false;
        var written = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (b == (byte)'"')
            {
                // A string, copied to its closing quote, escapes included.
                var end = i + 1;
                while (end < json.Length && json[end] != (byte)'"')
                {
                    end += json[end] == (byte)'\\' ? 2 : 1;
                }

                end = Math.Min(end + 1, json.Length);
                json[i..end].CopyTo(quoted[written..]);
                written += end - i;
                i = end - 1;
                expectName = false;
                continue;
            }

            if (expectName && IsNameByte(b))
            {
                var end = i;
                while (end < json.Length && IsNameByte(json[end]))
                {
                    end++;
                }

                if (end < json.Length && json[end] >= 0x80)
                {
                    return null;
                }

                quoted[written++] = (byte)'"';
                json[i..end].CopyTo(quoted[written..]);
                written += end - i;
                quoted[written++] = (byte)'"';
                i = end - 1;
                expectName = false;
                continue;
            }

            if (expectName && b >= 0x80)
            {
                return null;
            }

            quoted[written++] = b;
            switch (b)
            {
                case (byte)'{' or (byte)'[':
                    if (depth == MaxDepth)
                    {
                        return null;
                    }

                    objects = b == (byte)'{' ? objects | (1UL << depth) : objects & ~(1UL << depth);
                    depth++;
                    expectName = b == (byte)'{';
                    break;
                case (byte)'}' or (byte)']':
                    depth = Math.Max(depth - 1, 0);
                    expectName = false;
                    break;
                case (byte)',':
                    expectName = depth > 0 && (objects & (1UL << (depth - 1))) != 0;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    break;
                default:
                    expectName = false;
                    break;
            }
        }

        return written;
    }

    /// <summary>A byte of a name Newtonsoft's reader takes without quotes, as far as it is ASCII.</summary>
    private static bool IsNameByte(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or (byte)'$';

    /// <summary>The object or array the reader stands on, read into a token by Newtonsoft (as the lenient reading does), the reader moved to its end.</summary>
    private static JToken ValueOf(ReadOnlyMemory<byte> json, ref System.Text.Json.Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        using var value = CreateReader(new RealtimeKitUtf8Reader(json[start..(int)reader.BytesConsumed]));
        return JToken.ReadFrom(value);
    }

    /// <summary>
    /// The same reading with Newtonsoft's reader, for a body System.Text.Json does not take; null
    /// where it is not valid JSON either.
    /// </summary>
    internal static RealtimeKitErrorBody? ReadLenient(string text)
    {
        using var reader = CreateReader(new StringReader(text));
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

        return !closed || reader.Read() ? null : Found(error, errors, message);
    }

    /// <summary>What a body says, from the parts that were found in it.</summary>
    private static RealtimeKitErrorBody Found(ErrorDetail? error, ICollection<CloudflareMessage>? errors, string? message)
    {
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
    /// Writes the content of the JSON string literal <paramref name="literal"/> into
    /// <paramref name="content"/> as UTF-8 and returns its length; null when the text is not exactly one.
    /// </summary>
    private static int? Unwrap(ReadOnlySpan<byte> literal, Span<byte> content)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(literal);
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.String)
            {
                return null;
            }

            var length = reader.CopyString(content);
            return reader.Read() ? null : length;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not one JSON value, or an escape that makes no valid text (a lone surrogate).
            return null;
        }
    }

    /// <summary>An object whose first property name has no quotes, as in <c>{message: "…"}</c>.</summary>
    private static bool StartsWithUnquotedName(ReadOnlySpan<byte> trimmed) =>
        trimmed.StartsWith((byte)'{') && TrimWhiteSpace(trimmed[1..]) is { IsEmpty: false } rest && rest[0] is not (byte)'"' and not (byte)'}';

    /// <summary>The bytes without the white space (as <see cref="char.IsWhiteSpace(char)"/> has it) at either end.</summary>
    private static ReadOnlySpan<byte> TrimWhiteSpace(ReadOnlySpan<byte> utf8)
    {
        while (Rune.DecodeFromUtf8(utf8, out var rune, out var length) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            utf8 = utf8[length..];
        }

        while (Rune.DecodeLastFromUtf8(utf8, out var rune, out var length) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            utf8 = utf8[..^length];
        }

        return utf8;
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
    private static JsonTextReader CreateReader(TextReader text) =>
        new(text) { DateParseHandling = DateParseHandling.None, MaxDepth = MaxDepth, ArrayPool = RealtimeKitJsonArrayPool.Instance };

    private static string JsonName<T>(string property) =>
        typeof(T).GetProperty(property)?.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName
        ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} has no JSON name.");

    /// <summary>ErrorDetail.code is a JSON number in the published schema; the codes are whole numbers.</summary>
    private static int? WholeNumber(double code) =>
        code == Math.Floor(code) && code is >= int.MinValue and <= int.MaxValue ? (int)code : null;
}
