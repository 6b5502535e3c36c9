namespace RealtimeKit.Generated.Testing;

/// <summary>What a step of a live session did (<see cref="RealtimeKitSandbox.StartLiveSessionAsync"/>, join, leave, end).</summary>
/// <param name="SessionId">The live session: the meeting's active session until it ends, then one of its past sessions.</param>
/// <param name="PeerIds">The session participant ids (peer ids, as kick and the sessions operations take them) of those who joined or left in this step, in order.</param>
/// <param name="Events">The names of the events it delivered, in order.</param>
/// <param name="Deliveries">One report per event and subscribed webhook, in the order the events were delivered.</param>
public sealed record RealtimeKitSandboxLiveStep(string SessionId, IReadOnlyList<string> PeerIds, IReadOnlyList<string> Events, IReadOnlyList<RealtimeKitSandboxDelivery> Deliveries);
