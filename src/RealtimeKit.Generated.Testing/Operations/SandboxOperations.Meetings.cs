using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>Meetings and their participants: created, updated (partly or whole), listed and searched; a participant added answers an auth token shaped like the service's.</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterMeetings(Dictionary<string, SandboxOperation> table)
    {
        table.Add("listMeetings", ListMeetings);
        table.Add("createMeeting", call => Ok(call.Route, store.Add(Meetings(call), NewMeeting(call.Json))));
        table.Add("getMeeting", call => Found(call.Route, "meeting", call.Id("meeting_id"), store.Get(Meetings(call), call.Id("meeting_id"))));
        table.Add("updateMeeting", call => Found(call.Route, "meeting", call.Id("meeting_id"), store.Update(Meetings(call), call.Id("meeting_id"), m => Merge(m, call.Json, _meetingFlags))));
        table.Add("replaceMeeting", call => Found(call.Route, "meeting", call.Id("meeting_id"), store.Update(Meetings(call), call.Id("meeting_id"), m => ReplaceMeeting(m, call.Json))));
        table.Add("listParticipants", ListParticipants);
        table.Add("addParticipant", AddParticipant);
        table.Add("getParticipant", call => Found(call.Route, "participant", call.Id("participant_id"), ParticipantOf(call.Account, call.App, call.Id("meeting_id"), call.Id("participant_id"), p => WithoutToken(p))));
        table.Add("editParticipant", call => Found(call.Route, "participant", call.Id("participant_id"), UpdateParticipant(call.Account, call.App, call.Id("meeting_id"), call.Id("participant_id"), p => Merge(p, call.Json, []))));
        table.Add("replaceParticipant", call => Found(call.Route, "participant", call.Id("participant_id"), UpdateParticipant(call.Account, call.App, call.Id("meeting_id"), call.Id("participant_id"), p => ReplaceParticipant(p, call.Json))));
        table.Add("refreshParticipantToken", RefreshParticipantToken);
        table.Add("deleteParticipant", DeleteParticipant);
    }

    private static string Meetings(SandboxCall call) => SandboxResourceStore.Of(call.Account, call.App, "meetings");

    private SandboxAnswer ListMeetings(SandboxCall call)
    {
        var query = call.Query;
        var listed = Search(store.List(Meetings(call)), query, "title", order: false)
            .Where(m => !query.TryGetValue("status", out var status) || string.Equals((string?)m["status"], status, StringComparison.OrdinalIgnoreCase))
            .Where(m => InRange(m, query))
            .ToList();
        return Paged(call.Route, listed, query, pagingInData: false);
    }

    private SandboxAnswer ListParticipants(SandboxCall call)
    {
        var meetingId = call.Id("meeting_id");
        return store.Get(Meetings(call), meetingId) is null
            ? NotFound("meeting", meetingId)
            : Paged(call.Route, store.List(SandboxResourceStore.Participants(call.Account, call.App, meetingId)).Select(WithoutToken).ToList(), call.Query, pagingInData: false);
    }

    private SandboxAnswer AddParticipant(SandboxCall call)
    {
        var meetingId = call.Id("meeting_id");
        return store.Get(Meetings(call), meetingId) is null
            ? NotFound("meeting", meetingId)
            : Ok(call.Route, store.Add(SandboxResourceStore.Participants(call.Account, call.App, meetingId), NewParticipant(call.Account, call.App, meetingId, call.Json)));
    }

    private SandboxAnswer RefreshParticipantToken(SandboxCall call)
    {
        var refreshed = UpdateParticipant(call.Account, call.App, call.Id("meeting_id"), call.Id("participant_id"), p => p["token"] = Token(call.Account, call.App, call.Id("meeting_id"), p));
        return Found(call.Route, "participant", call.Id("participant_id"), refreshed is null ? null : new JObject { ["token"] = refreshed["token"] });
    }

    private SandboxAnswer DeleteParticipant(SandboxCall call)
    {
        var meetingId = call.Id("meeting_id");
        var participantId = call.Id("participant_id");
        var removed = store.Get(Meetings(call), meetingId) is null ? null : store.Remove(SandboxResourceStore.Participants(call.Account, call.App, meetingId), participantId);
        return Found(call.Route, "participant", participantId, removed is null ? null : new JObject
        {
            ["custom_participant_id"] = removed["custom_participant_id"],
            ["preset_id"] = PresetId(SandboxResourceStore.Of(call.Account, call.App, "presets"), (string)removed["preset_name"]!),
            ["created_at"] = removed["created_at"],
            ["updated_at"] = removed["updated_at"],
        });
    }

    /// <summary>The boolean settings of a meeting and their documented defaults.</summary>
    private static readonly string[] _meetingFlags = ["record_on_start", "live_stream_on_start", "persist_chat", "summarize_on_end", "transcribe_on_end"];

    public JObject NewMeeting(JObject body)
    {
        var meeting = new JObject { ["id"] = Guid.NewGuid().ToString("D"), ["status"] = "ACTIVE" };
        foreach (var flag in _meetingFlags)
        {
            meeting[flag] = false;
        }

        Merge(meeting, body, _meetingFlags);
        Stamp(meeting, created: true);
        return meeting;
    }

    public JObject NewParticipant(string account, string app, string meetingId, JObject body)
    {
        var participant = new JObject { ["id"] = Guid.NewGuid().ToString("D") };
        Merge(participant, body, []);
        Stamp(participant, created: true);
        participant["token"] = Token(account, app, meetingId, participant);
        return participant;
    }

    private JObject? ParticipantOf(string account, string app, string meetingId, string participantId, Func<JObject, JObject> shape)
    {
        var participant = store.Get(SandboxResourceStore.Of(account, app, "meetings"), meetingId) is null
            ? null
            : store.Get(SandboxResourceStore.Participants(account, app, meetingId), participantId);
        return participant is null ? null : shape(participant);
    }

    private JObject? UpdateParticipant(string account, string app, string meetingId, string participantId, Action<JObject> change) =>
        store.Get(SandboxResourceStore.Of(account, app, "meetings"), meetingId) is null
            ? null
            : store.Update(SandboxResourceStore.Participants(account, app, meetingId), participantId, p =>
            {
                change(p);
                Stamp(p, created: false);
            });

    private void ReplaceMeeting(JObject meeting, JObject body)
    {
        var status = meeting["status"];
        foreach (var property in meeting.Properties().Where(p => p.Name is not ("id" or "created_at" or "updated_at")).ToList())
        {
            property.Remove();
        }

        meeting["status"] = status;
        foreach (var flag in _meetingFlags)
        {
            meeting[flag] = false;
        }

        Merge(meeting, body, _meetingFlags);
    }

    private void ReplaceParticipant(JObject participant, JObject body)
    {
        foreach (var property in participant.Properties().Where(p => p.Name is not ("id" or "created_at" or "updated_at" or "token")).ToList())
        {
            property.Remove();
        }

        Merge(participant, body, []);
    }

    /// <summary>
    /// A participant's auth token, shaped like the service's (a JWT: three base64url parts). It
    /// is opaque to callers; the sandbox signs it with a key of its own that nothing verifies.
    /// </summary>
    private string Token(string account, string app, string meetingId, JObject participant)
    {
        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8.ToArray());
        var issued = time.GetUtcNow().ToUnixTimeSeconds();
        var payload = Base64Url(Encoding.UTF8.GetBytes(new JObject
        {
            ["sub"] = participant["id"],
            ["orgId"] = account,
            ["appId"] = app,
            ["meetingId"] = meetingId,
            ["participantId"] = participant["id"],
            ["presetName"] = participant["preset_name"],
            ["jti"] = Guid.NewGuid().ToString("D"),
            ["iat"] = issued,
            ["exp"] = issued + (7 * 24 * 3600),
        }.ToString(Formatting.None)));
        var signature = Base64Url(HMACSHA256.HashData(_tokenKey, Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private readonly byte[] _tokenKey = RandomNumberGenerator.GetBytes(32);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static JObject WithoutToken(JObject participant)
    {
        var copy = (JObject)participant.DeepClone();
        copy.Remove("token");
        return copy;
    }

    /// <summary>The id of the preset a participant names; a stable name-based UUID when the app has no preset of that name (the service's own presets, or a name the sandbox does not know).</summary>
    private string PresetId(string presets, string name) =>
        (string?)store.Find(presets, p => (string?)p["name"] == name)?["id"]
        ?? new Guid(MD5.HashData(Encoding.UTF8.GetBytes("preset:" + name))).ToString("D");
}
