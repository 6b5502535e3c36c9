namespace RealtimeKit.Generated.Testing;

/// <summary>A participant of a session recorded in the sandbox (<see cref="RealtimeKitSandbox.AddSession"/>, <see cref="RealtimeKitSandbox.SimulateMeetingAsync"/>).</summary>
/// <param name="CustomParticipantId">The caller's own id of the participant, as given when adding them to the meeting.</param>
/// <param name="DisplayName">The name shown in the meeting.</param>
/// <param name="PresetName">The preset they joined with.</param>
/// <param name="JoinedAt">When they joined.</param>
/// <param name="LeftAt">When they left; null for someone still in a live session (an ended session gives them its end).</param>
public sealed record RealtimeKitSandboxSessionParticipant(string CustomParticipantId, string DisplayName, string PresetName, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt = null);
