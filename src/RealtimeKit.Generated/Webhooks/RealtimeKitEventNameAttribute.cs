namespace RealtimeKit.Generated;

/// <summary>
/// Names the event a generated delivery type is read for: the templates put it on every type of
/// the document's discriminator mapping of deliveries, the mapping that
/// <see cref="RealtimeKitWebhookEventReader"/> reads deliveries with.
/// </summary>
/// <param name="name">The event name on the wire, e.g. <c>meeting.started</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RealtimeKitEventNameAttribute(string name) : Attribute
{
    /// <summary>The event name on the wire.</summary>
    public string Name { get; } = name;
}
