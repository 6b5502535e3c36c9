using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>The actions on a meeting's live session: the active session itself, kick, mute (one or all) and polls.</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterActiveSession(Dictionary<string, SandboxOperation> table)
    {
        table.Add("getActiveSession", GetActiveSession);
        table.Add("kickParticipants", call => MeetingOf(call) is { } meeting ? ActOn(call.Route, call.Account, call.App, meeting, call.Json) : NotFound("meeting", call.Id("meeting_id")));
        table.Add("muteParticipants", call => MeetingOf(call) is { } meeting ? ActOn(call.Route, call.Account, call.App, meeting, call.Json) : NotFound("meeting", call.Id("meeting_id")));
        table.Add("kickAllParticipants", call => MeetingOf(call) is { } meeting ? ActOnAll(call.Route, call.Account, call.App, meeting, call.Body) : NotFound("meeting", call.Id("meeting_id")));
        table.Add("muteAllParticipants", call => MeetingOf(call) is { } meeting ? ActOnAll(call.Route, call.Account, call.App, meeting, call.Body) : NotFound("meeting", call.Id("meeting_id")));
        table.Add("createPoll", call => MeetingOf(call) is { } meeting ? CreatePoll(call.Route, call.Account, call.App, meeting, call.Json) : NotFound("meeting", call.Id("meeting_id")));
    }

    private SandboxAnswer GetActiveSession(SandboxCall call)
    {
        var meetingId = call.Id("meeting_id");
        var live = store.Find(Sessions(call), s => (string?)s["associated_id"] == SandboxResourceStore.Key(meetingId) && (string?)s["status"] == "LIVE");
        return Found(call.Route, "active session of meeting", meetingId, live is null ? null : Public(live));
    }

    private JObject? LiveSession(string account, string app, JObject meeting) =>
        store.Find(SandboxResourceStore.Of(account, app, "sessions"), s => (string?)s["associated_id"] == SandboxResourceStore.Key((string)meeting["id"]!) && (string?)s["status"] == "LIVE");

    /// <summary>The participants of a live session who are still in it.</summary>
    private List<JObject> Present(string account, string app, string sessionId) =>
        [.. store.List(SessionParticipants(account, app, sessionId)).Where(p => p["left_at"] is null)];

    private static JObject AsActiveParticipant(JObject peer) => new()
    {
        ["id"] = peer["id"],
        ["name"] = peer["display_name"],
        ["created_at"] = peer["created_at"],
        ["updated_at"] = peer["updated_at"],
    };

    /// <summary>Kick or mute the participants named by session participant id, meeting participant id (<c>user_id</c>) or the app's own id.</summary>
    private SandboxAnswer ActOn(SandboxRoute route, string account, string app, JObject meeting, JObject body)
    {
        var kick = route.OperationId == "kickParticipants";
        var ids = Strings(body["participant_ids"]);
        var custom = Strings(body["custom_participant_ids"]);
        var session = LiveSession(account, app, meeting);
        var matched = session is null
            ? []
            : Present(account, app, (string)session["id"]!)
                .Where(p => ids.Contains(((string?)p["id"])!) || ids.Contains(((string?)p["user_id"])!) || custom.Contains(((string?)p["custom_participant_id"])!))
                .ToList();
        if (kick && matched.Count == 0)
        {
            return NotFound("participant in the live session of meeting", (string)meeting["id"]!);
        }

        var sessionId = (string?)session?["id"];
        var now = time.GetUtcNow();
        var answered = matched.Select(p => kick ? Leave(account, app, sessionId!, (string)p["id"]!, now)! : p).Select(AsActiveParticipant).ToList();
        if (!kick && sessionId is not null)
        {
            Mute(account, app, sessionId, matched.Select(p => (string)p["id"]!), allowUnmute: null);
        }

        return Ok(route, new JObject { ["action"] = kick ? "kick" : "mute", ["participants"] = new JArray(answered) });
    }

    private SandboxAnswer ActOnAll(SandboxRoute route, string account, string app, JObject meeting, JObject? body)
    {
        var kick = route.OperationId == "kickAllParticipants";
        var session = LiveSession(account, app, meeting);
        var present = session is null ? [] : Present(account, app, (string)session["id"]!);
        var now = time.GetUtcNow();
        if (kick)
        {
            foreach (var peer in present)
            {
                Leave(account, app, (string)session!["id"]!, (string)peer["id"]!, now);
            }

            return Ok(route, new JObject { ["action"] = "kick-all", ["kicked_participants_count"] = present.Count });
        }

        if (session is not null)
        {
            Mute(account, app, (string)session["id"]!, present.Select(p => (string)p["id"]!), allowUnmute: (bool)body!["allow_unmute"]!);
        }

        return Ok(route, new JObject { ["action"] = "mute-all", ["muted_participants_count"] = present.Count });
    }

    /// <summary>Who is muted is kept on the session (never answered: the session's own fields start with <c>_</c>).</summary>
    private void Mute(string account, string app, string sessionId, IEnumerable<string> peerIds, bool? allowUnmute) =>
        store.Update(SandboxResourceStore.Of(account, app, "sessions"), sessionId, s =>
        {
            var muted = s["_muted"] as JArray ?? [];
            foreach (var id in peerIds.Where(id => !muted.Any(m => (string?)m == id)))
            {
                muted.Add(id);
            }

            s["_muted"] = muted;
            if (allowUnmute is { } allow)
            {
                s["_allow_unmute"] = allow;
            }
        });

    private SandboxAnswer CreatePoll(SandboxRoute route, string account, string app, JObject meeting, JObject body)
    {
        var session = LiveSession(account, app, meeting);
        var poll = new JObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["question"] = body["question"],
            ["options"] = new JArray(Strings(body["options"], distinct: false).Select(text => new JObject { ["text"] = text, ["count"] = 0, ["votes"] = new JArray() })),
            ["anonymous"] = body["anonymous"]?.Type == JTokenType.Boolean && (bool)body["anonymous"]!,
            ["hide_votes"] = body["hide_votes"]?.Type == JTokenType.Boolean && (bool)body["hide_votes"]!,
            ["voted"] = new JArray(),
            ["_session_id"] = session?["id"],
            ["_created_at"] = Now(),
        };
        var stored = store.Add(SandboxResourceStore.Of(account, app, $"meetings/{SandboxResourceStore.Key((string)meeting["id"]!)}/polls"), poll);
        return Ok(route, new JObject { ["action"] = "poll", ["poll"] = Public(stored) });
    }

    private static List<string> Strings(JToken? token, bool distinct = true)
    {
        var values = token is JArray array ? array.Where(t => t.Type == JTokenType.String).Select(t => (string)t!).ToList() : [];
        return distinct ? [.. values.Distinct(StringComparer.Ordinal)] : values;
    }
}
