using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated;

/// <summary>
/// A delivery whose event name this version does not know (the service adds events over time).
/// Extends the generated <see cref="RealtimeKitWebhookEvent"/> by hand: it keeps the raw JSON so
/// that nothing is lost, and is never an error.
/// </summary>
public sealed class UnknownWebhookEvent : RealtimeKitWebhookEvent
{
    /// <summary>Creates the event from the delivery's JSON.</summary>
    /// <param name="raw">The whole delivery body.</param>
    public UnknownWebhookEvent(JObject raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        Raw = raw;
    }

    /// <summary>The whole delivery body, as it arrived.</summary>
    public JObject Raw { get; }
}
