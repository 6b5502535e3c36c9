namespace RealtimeKit.Generated;

/// <summary>
/// Ties a generated delivery type to its event name; the templates put it on every schema with
/// an <c>x-rtk-event-name</c> extension, and <see cref="RealtimeKitWebhookEventReader"/> reads the
/// delivery of that name as that type.
/// </summary>
/// <param name="name">The event name on the wire, e.g. <c>meeting.started</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RealtimeKitEventNameAttribute(string name) : Attribute
{
    /// <summary>The event name on the wire.</summary>
    public string Name { get; } = name;
}
