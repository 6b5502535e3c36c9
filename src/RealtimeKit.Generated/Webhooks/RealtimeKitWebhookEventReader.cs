using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated;

/// <summary>
/// Reads a delivery body into the type of its event: the generated type the document's
/// discriminator mapping names for it, or <see cref="UnknownWebhookEvent"/> for a
/// name this version does not know. Call it only on a body whose signature was verified;
/// <see cref="RealtimeKitWebhookVerifier"/> does both.
/// </summary>
public static class RealtimeKitWebhookEventReader
{
    /// <summary>Every event name that has a type of its own, with that type.</summary>
    public static IReadOnlyDictionary<string, Type> KnownTypes => RealtimeKitWebhookEvent.KnownTypes;

    /// <summary>Reads the body.</summary>
    /// <param name="body">The raw delivery body (UTF-8 JSON).</param>
    /// <exception cref="RealtimeKitWebhookException">The body is not a JSON object with an <c>event</c> name, or a field has the wrong type.</exception>
    public static RealtimeKitWebhookEvent Read(ReadOnlySpan<byte> body)
    {
        JObject json;
        try
        {
            using var reader = new JsonTextReader(new RealtimeKitUtf8Reader(body.ToArray()))
            {
                DateParseHandling = DateParseHandling.None,
                MaxDepth = 64,
            };
            json = JToken.ReadFrom(reader) as JObject ?? throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.UnreadableBody, "The delivery body is not a JSON object.");
            if (reader.Read())
            {
                throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.UnreadableBody, "The delivery body has content after its JSON object.");
            }
        }
        catch (JsonException ex)
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.UnreadableBody, $"The delivery body is not valid JSON: {ex.Message}", ex);
        }

        if (json["event"] is not JValue { Type: JTokenType.String } name || string.IsNullOrEmpty((string?)name))
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.UnreadableBody, "The delivery body has no \"event\" name.");
        }

        if (!RealtimeKitWebhookEvent.KnownTypes.TryGetValue((string)name!, out var type))
        {
            return new UnknownWebhookEvent(json) { Event = new WebhookEvent((string)name!) };
        }

        try
        {
            try
            {
                return (RealtimeKitWebhookEvent)json.ToObject(type, RealtimeKitJson.Serializer)!;
            }
            catch (JsonException)
            {
                // As answers are read: an optional field that cannot be read is kept in AdditionalProperties.
                return (RealtimeKitWebhookEvent)RealtimeKitLenientReading.Read(json, type)!;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.UnreadableBody, $"The {(string)name!} delivery has a field of the wrong type: {ex.Message}", ex);
        }
    }
}
