using Newtonsoft.Json;

namespace RealtimeKit.Generated;

/// <summary>
/// The JSON settings of the generated models, created once: the models carry their own
/// attributes (names, required fields, nulls left out), so these settings only fix how dates
/// and numbers are read and keep the reader from being led too deep.
/// </summary>
public static class RealtimeKitJson
{
    /// <summary>The settings the client reads and writes the API's JSON with. Do not change them.</summary>
    public static JsonSerializerSettings SerializerSettings { get; } = new()
    {
        DateParseHandling = DateParseHandling.DateTimeOffset,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        FloatParseHandling = FloatParseHandling.Double,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        MaxDepth = 64,
    };

    internal static JsonSerializer Serializer { get; } = JsonSerializer.Create(SerializerSettings);

    /// <summary>Writes a model as the API's JSON.</summary>
    /// <param name="value">A generated model.</param>
    /// <param name="indented">Whether to indent the output for people to read.</param>
    public static string Serialize(object value, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var json = new JsonTextWriter(writer) { Formatting = indented ? Formatting.Indented : Formatting.None };
        Serializer.Serialize(json, value);
        json.Flush();
        return writer.ToString();
    }

    /// <summary>Reads the API's JSON into a model.</summary>
    /// <typeparam name="T">A generated model type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <remarks>
    /// As the client reads answers: an optional field whose value cannot be read as typed is left
    /// unset and kept, as it arrived, in the model's <c>AdditionalProperties</c>.
    /// </remarks>
    /// <exception cref="JsonException">The text is not JSON of that shape, or a required field cannot be read.</exception>
    public static T? Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var reader = new JsonTextReader(new StringReader(json));
            return Serializer.Deserialize<T>(reader);
        }
        catch (JsonException ex)
        {
            try
            {
                return RealtimeKitLenientReading.Read<T>(new StringReader(json));
            }
            catch (JsonException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex);
                throw;
            }
        }
    }
}
