namespace RealtimeKit.Generated.Testing;

/// <summary>Someone who joins a live session of the sandbox (<see cref="RealtimeKitSandbox.StartLiveSessionAsync"/>, <see cref="RealtimeKitSandbox.JoinLiveSessionAsync"/>).</summary>
/// <param name="CustomParticipantId">The caller's own id of the participant, as given when adding them to the meeting.</param>
/// <param name="DisplayName">The name shown in the meeting.</param>
/// <param name="PresetName">The preset they join with.</param>
public sealed record RealtimeKitSandboxLiveParticipant(string CustomParticipantId, string DisplayName, string PresetName = "group_call_participant");
