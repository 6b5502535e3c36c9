using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The sandbox's own routes for a live session (not part of the API; <c>realtimekit meetings
/// simulate --keep-live</c> and <c>realtimekit meetings end</c> use them), each a POST with a JSON
/// body naming the meeting (<c>accountId</c>, <c>appId</c>, <c>meetingId</c>):
/// <list type="bullet">
/// <item><c>/__sandbox/live-sessions</c> starts it, with <c>participants</c> (each <c>customParticipantId</c>, <c>displayName</c>, optional <c>presetName</c>) joining at once;</item>
/// <item><c>/__sandbox/live-sessions/join</c> has one participant join (the same three fields);</item>
/// <item><c>/__sandbox/live-sessions/leave</c> has one leave (<c>peerId</c>);</item>
/// <item><c>/__sandbox/live-sessions/end</c> ends it.</item>
/// </list>
/// Each answers <c>{"success": true, "data": {sessionId, peerIds, events, deliveries}}</c>; an
/// unknown meeting or participant 404, a meeting already live (start) or not live (the others)
/// 409, a body without what the route needs 400, all in the API's error envelope.
/// </summary>
internal static class SandboxLiveRoutes
{
    public const string StartPath = "/__sandbox/live-sessions";
    public const string JoinPath = StartPath + "/join";
    public const string LeavePath = StartPath + "/leave";
    public const string EndPath = StartPath + "/end";

    public static bool Matches(string method, string path) =>
        method == "POST" && path is StartPath or JoinPath or LeavePath or EndPath;

    public static async Task<SandboxAnswer> HandleAsync(RealtimeKitSandbox sandbox, string path, string? body)
    {
        JObject json;
        try
        {
            json = JObject.Parse(body ?? "{}");
        }
        catch (JsonException)
        {
            return BadRequest("the request body is not valid JSON");
        }

        var accountId = Text(json, "accountId");
        var appId = Text(json, "appId");
        if (accountId is null || appId is null || !Guid.TryParse(Text(json, "meetingId"), out var meetingId))
        {
            return BadRequest("\"accountId\", \"appId\" and a \"meetingId\" UUID are required");
        }

        try
        {
            RealtimeKitSandboxLiveStep step;
            switch (path)
            {
                case StartPath:
                    var participants = new List<RealtimeKitSandboxLiveParticipant>();
                    foreach (var item in json["participants"] as JArray ?? [])
                    {
                        if (Participant(item as JObject) is not { } participant)
                        {
                            return BadRequest("each of \"participants\" needs a \"customParticipantId\" and a \"displayName\"");
                        }

                        participants.Add(participant);
                    }

                    step = await sandbox.StartLiveSessionAsync(accountId, appId, meetingId, participants).ConfigureAwait(false);
                    break;
                case JoinPath:
                    if (Participant(json) is not { } joining)
                    {
                        return BadRequest("\"customParticipantId\" and \"displayName\" are required");
                    }

                    step = await sandbox.JoinLiveSessionAsync(accountId, appId, meetingId, joining).ConfigureAwait(false);
                    break;
                case LeavePath:
                    if (Text(json, "peerId") is not { } peerId)
                    {
                        return BadRequest("\"peerId\" is required");
                    }

                    step = await sandbox.LeaveLiveSessionAsync(accountId, appId, meetingId, peerId).ConfigureAwait(false);
                    break;
                default:
                    step = await sandbox.EndLiveSessionAsync(accountId, appId, meetingId).ConfigureAwait(false);
                    break;
            }

            return new SandboxAnswer(200, SandboxJson.LiveStep(step));
        }
        catch (KeyNotFoundException ex)
        {
            return new SandboxAnswer(404, SandboxJson.Error(404, "NOT_FOUND " + ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            return new SandboxAnswer(409, SandboxJson.Error(409, "CONFLICT " + ex.Message));
        }
    }

    private static RealtimeKitSandboxLiveParticipant? Participant(JObject? json) =>
        json is not null && Text(json, "customParticipantId") is { } id && Text(json, "displayName") is { } name
            ? new RealtimeKitSandboxLiveParticipant(id, name, Text(json, "presetName") ?? "group_call_participant")
            : null;

    private static string? Text(JObject json, string name) =>
        json[name] is JValue { Type: JTokenType.String } value && ((string?)value) is { Length: > 0 } text ? text : null;

    private static SandboxAnswer BadRequest(string message) => new(400, SandboxJson.Error(400, "BAD_REQUEST " + message));
}
