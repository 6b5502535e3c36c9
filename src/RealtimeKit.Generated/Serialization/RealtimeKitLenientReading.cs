using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace RealtimeKit.Generated;

/// <summary>
/// The lenient reading of an answer or a delivery, tried only when the strict one failed: a
/// field the document makes optional whose value has the wrong JSON type or an unreadable
/// format (a date that is not ISO 8601, a number sent as text that is no number, an object where
/// a string belongs) is left unset, and its value is kept as it arrived in the model's
/// <c>AdditionalProperties</c>; a required field that cannot be read still fails the read.
/// </summary>
/// <remarks>
/// The strict read runs over the text reader and costs nothing extra. Newtonsoft's text reader
/// cannot resume after a value of the wrong shape, so the lenient read parses the body into a
/// token tree first and reads the model from it, where a value that fails is skipped whole and is
/// found again for <c>AdditionalProperties</c>. The generated models' <c>OnError</c> callbacks
/// act only in this read: they recognise it by the serializer's <see cref="StreamingContext"/>.
/// </remarks>
internal sealed class RealtimeKitLenientReading
{
    private JTokenReader? _reader;

    private RealtimeKitLenientReading()
    {
    }

    /// <summary>Reads <paramref name="json"/>, already parsed into tokens, as a <paramref name="type"/>, leniently.</summary>
    /// <exception cref="JsonException">A required field cannot be read, or the whole value has the wrong shape.</exception>
    public static object? Read(JToken json, Type type)
    {
        var state = new RealtimeKitLenientReading();
        // StreamingContext is the one per-read value Newtonsoft hands the callbacks; its
        // constructor is marked obsolete with the formatters, but Newtonsoft still takes it.
#pragma warning disable SYSLIB0050
        var settings = new JsonSerializerSettings(RealtimeKitJson.SerializerSettings)
        {
            Context = new StreamingContext(StreamingContextStates.Other, state),
        };
#pragma warning restore SYSLIB0050
        var serializer = JsonSerializer.Create(settings);
        using var reader = new JTokenReader(json);
        state._reader = reader;
        return serializer.Deserialize(reader, type);
    }

    /// <summary>Parses <paramref name="text"/> into tokens, keeping dates as the text they are, and reads it as a <typeparamref name="T"/>, leniently.</summary>
    /// <exception cref="JsonException">The text is not JSON, a required field cannot be read, or the whole value has the wrong shape.</exception>
    public static T? Read<T>(TextReader text)
    {
        JToken json;
        using (var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = RealtimeKitJson.SerializerSettings.MaxDepth })
        {
            json = JToken.ReadFrom(reader);
        }

        return (T?)Read(json, typeof(T));
    }

    /// <summary>
    /// Called by a generated model's <c>OnError</c> callback: when this is a lenient read, the
    /// error is about a field of <paramref name="owner"/> itself and <paramref name="isRequired"/>
    /// says it is optional, marks the error handled and returns the field's value as it arrived;
    /// otherwise returns null and the error goes on to fail the read.
    /// </summary>
    /// <param name="owner">The model whose callback runs.</param>
    /// <param name="context">The serializer's context.</param>
    /// <param name="error">The error.</param>
    /// <param name="isRequired">Whether the document makes a JSON field of the model required.</param>
    /// <param name="name">The JSON name of the field that could not be read.</param>
    public static JToken? Recover(object owner, StreamingContext context, ErrorContext error, Func<string, bool> isRequired, out string name)
    {
        name = string.Empty;
        if (context.Context is not RealtimeKitLenientReading state || !ReferenceEquals(error.OriginalObject, owner)
            || error.Member is not string member || isRequired(member) || error.Error is JsonSerializationException { Message: var message } && message.StartsWith("Required property", StringComparison.Ordinal))
        {
            return null;
        }

        error.Handled = true;
        name = member;
        return state.ValueOf(member);
    }

    /// <summary>The value of the field <paramref name="member"/> the reader is in: its nearest enclosing property of that name.</summary>
    private JToken ValueOf(string member)
    {
        for (var token = _reader?.CurrentToken; token is not null; token = token.Parent)
        {
            if (token is JProperty property && property.Name == member)
            {
                return property.Value.DeepClone();
            }
        }

        return JValue.CreateNull();
    }
}
