using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// A meeting's session held live on request, step by step: it starts (and is the meeting's
/// active session, so that getActiveSession, kick, mute and polls act on it), participants join
/// and leave, it ends. Each step changes the sandbox's state through <see cref="SandboxOperations"/>
/// and writes the events it causes; delivering them is the caller's (the facade's). One step at a
/// time: a lock keeps a step's reads and writes together.
/// </summary>
internal sealed class SandboxLiveSessions(SandboxOperations api, TimeProvider time)
{
    private readonly Lock _lock = new();

    /// <summary>What one step did: the session, the session participants it moved and the events it caused, in order.</summary>
    public sealed record Step(string SessionId, List<string> PeerIds, List<SandboxEvent> Events);

    /// <summary>Starts a live session of the meeting and has <paramref name="participants"/> join it.</summary>
    /// <exception cref="KeyNotFoundException">The sandbox has no such meeting.</exception>
    /// <exception cref="InvalidOperationException">The meeting has a live session already.</exception>
    public Step Start(string account, string app, Guid meetingId, IReadOnlyList<RealtimeKitSandboxLiveParticipant> participants)
    {
        lock (_lock)
        {
            var meeting = Meeting(account, app, meetingId);
            if (LiveSession(account, app, meetingId) is { } live)
            {
                throw new InvalidOperationException($"Meeting {meetingId} has a live session already ({live["id"]}); end it first.");
            }

            var now = time.GetUtcNow();
            var session = api.AddSession(account, app, meetingId.ToString("D"), now, null, []);
            var sessionId = (string)session["id"]!;
            var organizer = SandboxMeetingEvents.Organizer(participants.Count > 0 ? participants[0].DisplayName : "Sandbox host");
            api.Store.Update(SandboxResourceStore.Of(account, app, "sessions"), sessionId, s => s["_organizer"] = organizer);
            var events = new SandboxMeetingEvents(meeting, sessionId, now, organizer);
            var step = new Step(sessionId, [], [events.Started()]);
            foreach (var participant in participants)
            {
                JoinLocked(account, app, sessionId, events, participant, now, step);
            }

            return step;
        }
    }

    /// <summary>A participant joins the meeting's live session.</summary>
    /// <exception cref="KeyNotFoundException">The sandbox has no such meeting.</exception>
    /// <exception cref="InvalidOperationException">The meeting has no live session.</exception>
    public Step Join(string account, string app, Guid meetingId, RealtimeKitSandboxLiveParticipant participant)
    {
        lock (_lock)
        {
            var (session, events) = Live(account, app, meetingId);
            var step = new Step((string)session["id"]!, [], []);
            JoinLocked(account, app, step.SessionId, events, participant, time.GetUtcNow(), step);
            return step;
        }
    }

    /// <summary>A participant still in the meeting's live session leaves it.</summary>
    /// <exception cref="KeyNotFoundException">No such meeting, or nobody with that session participant id is in its live session.</exception>
    /// <exception cref="InvalidOperationException">The meeting has no live session.</exception>
    public Step Leave(string account, string app, Guid meetingId, string peerId)
    {
        lock (_lock)
        {
            var (session, events) = Live(account, app, meetingId);
            var sessionId = (string)session["id"]!;
            var peer = api.Store.Get(SandboxOperations.SessionParticipants(account, app, sessionId), peerId);
            if (peer is null || peer["left_at"] is JValue { Type: JTokenType.String })
            {
                throw new KeyNotFoundException($"Nobody with session participant id {peerId} is in the live session {sessionId} of meeting {meetingId}.");
            }

            var left = api.Leave(account, app, sessionId, (string)peer["id"]!, time.GetUtcNow())!;
            return new Step(sessionId, [(string)left["id"]!], [events.Participant(left)]);
        }
    }

    /// <summary>Ends the meeting's live session: whoever is still in it leaves, then the meeting ends (the host ended it, or all had left).</summary>
    /// <exception cref="KeyNotFoundException">The sandbox has no such meeting.</exception>
    /// <exception cref="InvalidOperationException">The meeting has no live session.</exception>
    public Step End(string account, string app, Guid meetingId)
    {
        lock (_lock)
        {
            var (session, events) = Live(account, app, meetingId);
            var sessionId = (string)session["id"]!;
            var now = time.GetUtcNow();
            var step = new Step(sessionId, [], []);
            var present = api.Store.List(SandboxOperations.SessionParticipants(account, app, sessionId)).Where(p => p["left_at"] is not JValue { Type: JTokenType.String }).ToList();
            foreach (var peer in present)
            {
                var left = api.Leave(account, app, sessionId, (string)peer["id"]!, now)!;
                step.PeerIds.Add((string)left["id"]!);
                step.Events.Add(events.Participant(left));
            }

            var meeting = Meeting(account, app, meetingId);
            var summarize = meeting["summarize_on_end"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag!;
            api.End(account, app, sessionId, now, summary: summarize);
            step.Events.Add(events.Ended(now, present.Count > 0 ? "HOST_ENDED_MEETING" : "ALL_PARTICIPANTS_LEFT"));
            return step;
        }
    }

    private void JoinLocked(string account, string app, string sessionId, SandboxMeetingEvents events, RealtimeKitSandboxLiveParticipant participant, DateTimeOffset now, Step step)
    {
        var peer = api.Join(account, app, sessionId, new RealtimeKitSandboxSessionParticipant(participant.CustomParticipantId, participant.DisplayName, participant.PresetName, now));
        step.PeerIds.Add((string)peer["id"]!);
        step.Events.Add(events.Participant(peer));
    }

    private JObject Meeting(string account, string app, Guid meetingId) =>
        api.Store.Get(SandboxResourceStore.Of(account, app, "meetings"), meetingId.ToString("D"))
        ?? throw new KeyNotFoundException($"The sandbox has no meeting {meetingId} in account {account}, app {app}.");

    private JObject? LiveSession(string account, string app, Guid meetingId) =>
        api.Store.Find(SandboxResourceStore.Of(account, app, "sessions"), s => (string?)s["associated_id"] == meetingId.ToString("D") && (string?)s["status"] == "LIVE");

    /// <summary>The meeting's live session and the writer of its events (the organizer it started with).</summary>
    private (JObject Session, SandboxMeetingEvents Events) Live(string account, string app, Guid meetingId)
    {
        var meeting = Meeting(account, app, meetingId);
        var session = LiveSession(account, app, meetingId)
            ?? throw new InvalidOperationException($"Meeting {meetingId} has no live session; start one first.");
        var startedAt = DateTimeOffset.Parse((string)session["started_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        var organizer = session["_organizer"] as JObject ?? SandboxMeetingEvents.Organizer("Sandbox host");
        return (session, new SandboxMeetingEvents(meeting, (string)session["id"]!, startedAt, organizer));
    }
}
