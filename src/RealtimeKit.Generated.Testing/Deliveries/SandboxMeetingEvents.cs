using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The delivery bodies of one session of a meeting, in the documented shapes: the meeting as the
/// events carry it (its session, status, start, end and organizer), a participant's join or
/// leave, the end. Shared by the simulated meeting and the live sessions, so each shape is
/// written once.
/// </summary>
internal sealed class SandboxMeetingEvents(JObject meeting, string sessionId, DateTimeOffset startedAt, JObject organizer)
{
    public string SessionId => sessionId;

    /// <summary>The organizer as the session's events carry it: an id of its own and the host's name.</summary>
    public static JObject Organizer(string name) => new() { ["id"] = Guid.NewGuid().ToString("D"), ["name"] = name };

    public JObject Meeting(string status, DateTimeOffset? endedAt) => new()
    {
        ["id"] = meeting["id"],
        ["sessionId"] = sessionId,
        ["title"] = meeting["title"] ?? string.Empty,
        ["status"] = status,
        ["createdAt"] = meeting["created_at"],
        ["startedAt"] = SandboxJson.Timestamp(startedAt),
        ["endedAt"] = endedAt is { } e ? SandboxJson.Timestamp(e) : null,
        ["organizedBy"] = organizer.DeepClone(),
    };

    /// <summary>The meeting as the summary event carries it: its id, session and organizer only.</summary>
    public JObject MeetingIdentity() => new() { ["id"] = meeting["id"], ["sessionId"] = sessionId, ["organizedBy"] = organizer.DeepClone() };

    public SandboxEvent Started() => Body("meeting.started", new JObject { ["meeting"] = Meeting("LIVE", null) });

    /// <summary>meeting.participantJoined, or meeting.participantLeft once the session participant has <c>left_at</c>.</summary>
    public SandboxEvent Participant(JObject peer)
    {
        var left = peer["left_at"] is JValue { Type: JTokenType.String };
        return Body(left ? "meeting.participantLeft" : "meeting.participantJoined", new JObject
        {
            ["meeting"] = Meeting("LIVE", null),
            ["participant"] = new JObject
            {
                ["peerId"] = peer["id"],
                ["userDisplayName"] = peer["display_name"],
                ["customParticipantId"] = peer["custom_participant_id"],
                ["joinedAt"] = peer["joined_at"],
                ["leftAt"] = left ? peer["left_at"] : null,
            },
        });
    }

    public SandboxEvent Ended(DateTimeOffset endedAt, string reason) =>
        Body("meeting.ended", new JObject { ["meeting"] = Meeting("ENDED", endedAt), ["reason"] = reason });

    /// <summary>A delivery body: the event's name first, no null members (the service leaves unset fields out).</summary>
    public static SandboxEvent Body(string name, JObject body)
    {
        body.AddFirst(new JProperty("event", name));
        foreach (var empty in body.Descendants().OfType<JProperty>().Where(p => p.Value.Type == JTokenType.Null).ToList())
        {
            empty.Remove();
        }

        return new SandboxEvent(name, body.ToString(Formatting.None));
    }
}

/// <summary>An event to deliver: its name and its delivery body.</summary>
internal readonly record struct SandboxEvent(string Name, string Body);
