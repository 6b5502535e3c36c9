using System.Globalization;
using Newtonsoft.Json;

namespace RealtimeKit.Generated.Testing;

/// <summary>Writes the sandbox's answers in exactly the documented shapes.</summary>
internal static class SandboxJson
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string WebhookEnvelope(StoredWebhook webhook) => Write(json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("success");
        json.WriteValue(true);
        json.WritePropertyName("data");
        WriteWebhook(json, webhook);
        json.WriteEndObject();
    });

    public static string WebhookListEnvelope(IEnumerable<StoredWebhook> webhooks) => Write(json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("success");
        json.WriteValue(true);
        json.WritePropertyName("data");
        json.WriteStartArray();
        foreach (var webhook in webhooks)
        {
            WriteWebhook(json, webhook);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string EventListEnvelope(IEnumerable<string> events) => Write(json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("success");
        json.WriteValue(true);
        json.WritePropertyName("data");
        json.WriteStartArray();
        foreach (var name in events)
        {
            json.WriteValue(name);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>The documented ErrorResponse: <c>{"success":false,"error":{"code":…,"message":…}}</c>.</summary>
    public static string Error(int code, string message) => Write(json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("success");
        json.WriteValue(false);
        json.WritePropertyName("error");
        json.WriteStartObject();
        json.WritePropertyName("code");
        json.WriteValue(code);
        json.WritePropertyName("message");
        json.WriteValue(message);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    public const string Unauthorized = "{\"message\":\"Unauthorized\"}";

    /// <summary>The key endpoint's answer: <c>{"success": true, "data": {"publicKey": …}, "message": ""}</c>.</summary>
    public static string PublicKey(string pem) =>
        JsonConvert.SerializeObject(new WebhookPublicKeyResponse { Success = true, Data = new WebhookPublicKey { PublicKey = pem }, Message = string.Empty }, Formatting.None);

    public static string Deliveries(IEnumerable<RealtimeKitSandboxDelivery> deliveries) => Success(json => WriteDeliveries(json, deliveries));

    /// <summary>The sandbox's own answer to a simulation: the session, the recording, the events in order and their deliveries.</summary>
    public static string Simulation(RealtimeKitSandboxSimulation simulation) => Success(json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("sessionId");
        json.WriteValue(simulation.SessionId);
        json.WritePropertyName("recordingId");
        json.WriteValue(simulation.RecordingId.ToString("D"));
        json.WritePropertyName("events");
        WriteStrings(json, simulation.Events);
        json.WritePropertyName("deliveries");
        WriteDeliveries(json, simulation.Deliveries);
        json.WriteEndObject();
    });

    /// <summary>The sandbox's own answer to a step of a live session: the session, the peer ids it moved, the events in order and their deliveries.</summary>
    public static string LiveStep(RealtimeKitSandboxLiveStep step) => Success(json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("sessionId");
        json.WriteValue(step.SessionId);
        json.WritePropertyName("peerIds");
        WriteStrings(json, step.PeerIds);
        json.WritePropertyName("events");
        WriteStrings(json, step.Events);
        json.WritePropertyName("deliveries");
        WriteDeliveries(json, step.Deliveries);
        json.WriteEndObject();
    });

    /// <summary>The sandbox's own answers: <c>{"success": true, "data": …}</c>.</summary>
    private static string Success(Action<JsonTextWriter> writeData) => Write(json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("success");
        json.WriteValue(true);
        json.WritePropertyName("data");
        writeData(json);
        json.WriteEndObject();
    });

    private static void WriteStrings(JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteDeliveries(JsonWriter json, IEnumerable<RealtimeKitSandboxDelivery> deliveries)
    {
        json.WriteStartArray();
        foreach (var delivery in deliveries)
        {
            json.WriteStartObject();
            json.WritePropertyName("webhookId");
            json.WriteValue(delivery.WebhookId.ToString("D"));
            json.WritePropertyName("url");
            json.WriteValue(delivery.Url.ToString());
            json.WritePropertyName("deliveryId");
            json.WriteValue(delivery.DeliveryId);
            json.WritePropertyName("statusCode");
            json.WriteValue(delivery.StatusCode);
            json.WritePropertyName("attempts");
            json.WriteValue(delivery.Attempts);
            json.WritePropertyName("error");
            json.WriteValue(delivery.Error);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteWebhook(JsonWriter json, StoredWebhook webhook)
    {
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(webhook.Id.ToString("D"));
        json.WritePropertyName("name");
        json.WriteValue(webhook.Name);
        json.WritePropertyName("url");
        json.WriteValue(webhook.Url);
        json.WritePropertyName("events");
        json.WriteStartArray();
        foreach (var name in webhook.Events)
        {
            json.WriteValue(name);
        }

        json.WriteEndArray();
        json.WritePropertyName("enabled");
        json.WriteValue(webhook.Enabled);
        json.WritePropertyName("created_at");
        json.WriteValue(Timestamp(webhook.CreatedAt));
        json.WritePropertyName("updated_at");
        json.WriteValue(Timestamp(webhook.UpdatedAt));
        json.WriteEndObject();
    }

    private static string Write(Action<JsonTextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            write(json);
        }

        return text.ToString();
    }
}
