namespace RealtimeKit.Generated.Testing;

/// <summary>What <see cref="RealtimeKitSandbox.SimulateMeetingAsync"/> recorded and delivered.</summary>
/// <param name="SessionId">The session it recorded, readable through the sessions operations.</param>
/// <param name="RecordingId">The recording it made, readable through the recordings operations (status UPLOADED).</param>
/// <param name="Events">The names of the events it delivered, in order.</param>
/// <param name="Deliveries">One report per event and subscribed webhook, in the order the events were delivered.</param>
public sealed record RealtimeKitSandboxSimulation(string SessionId, Guid RecordingId, IReadOnlyList<string> Events, IReadOnlyList<RealtimeKitSandboxDelivery> Deliveries);
