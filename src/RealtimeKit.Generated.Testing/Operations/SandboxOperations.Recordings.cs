using System.Globalization;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>Recordings (and track recordings) started through the API, moving through their documented statuses.</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterRecordings(Dictionary<string, SandboxOperation> table)
    {
        table.Add("listRecordings", ListRecordings);
        table.Add("startRecording", StartRecording);
        table.Add("getActiveRecording", call => Found(call.Route, "active recording of meeting", call.Id("meeting_id"), ActiveRecording(Recordings(call), call.Id("meeting_id")) is { } active ? Public(active, withDetails: false) : null));
        table.Add("getRecording", call => Found(call.Route, "recording", call.Id("recording_id"), store.Get(Recordings(call), call.Id("recording_id")) is { } recording ? Public(recording) : null));
        table.Add("controlRecording", ControlRecording);
        table.Add("startTrackRecording", StartTrackRecording);
    }

    private static string Recordings(SandboxCall call) => SandboxResourceStore.Of(call.Account, call.App, "recordings");

    private SandboxAnswer ListRecordings(SandboxCall call)
    {
        var query = call.Query;
        var all = store.List(Recordings(call))
            .Where(r => !query.TryGetValue("meeting_id", out var m) || (string?)r["_meeting_id"] == SandboxResourceStore.Key(m))
            .Where(r => !query.TryGetValue("status", out var s) || string.Equals((string?)r["status"], s, StringComparison.OrdinalIgnoreCase))
            .Select(r =>
            {
                var item = Public(r, withDetails: false);
                if (store.Get(Meetings(call), (string)r["_meeting_id"]!) is { } m)
                {
                    item["meeting"] = m;
                }

                return item;
            }).ToList();
        return Paged(call.Route, all, query, pagingInData: false);
    }

    private SandboxAnswer StartRecording(SandboxCall call)
    {
        var body = call.Json;
        var meeting = store.Get(Meetings(call), (string)body["meeting_id"]!);
        if (meeting is null)
        {
            return NotFound("meeting", (string)body["meeting_id"]!);
        }

        if (body["allow_multiple_recordings"]?.Type != JTokenType.Boolean || !(bool)body["allow_multiple_recordings"]!)
        {
            if (ActiveRecording(Recordings(call), (string)meeting["id"]!) is not null)
            {
                return new SandboxAnswer(409, SandboxJson.Error(409, $"CONFLICT meeting {meeting["id"]} is already being recorded"));
            }
        }

        return Ok(call.Route, Public(store.Add(Recordings(call), NewRecording(call.Account, call.App, meeting, body))));
    }

    private SandboxAnswer ControlRecording(SandboxCall call)
    {
        var recordingId = call.Id("recording_id");
        var controlled = store.Get(Recordings(call), recordingId);
        if (controlled is null)
        {
            return NotFound("recording", recordingId);
        }

        var action = (string)call.Json["action"]!;
        var status = (string)controlled["status"]!;
        var allowed = (action, status) is ("stop", "RECORDING" or "PAUSED") or ("pause", "RECORDING") or ("resume", "PAUSED");
        if (!allowed)
        {
            return new SandboxAnswer(400, SandboxJson.Error(400, $"BAD_REQUEST cannot {action} a recording that is {status}"));
        }

        return Ok(call.Route, Public(store.Update(Recordings(call), recordingId, r => Control(r, action))!));
    }

    private SandboxAnswer StartTrackRecording(SandboxCall call)
    {
        var body = call.Json;
        var recorded = store.Get(Meetings(call), (string)body["meeting_id"]!);
        if (recorded is null)
        {
            return NotFound("meeting", (string)body["meeting_id"]!);
        }

        var track = NewRecording(call.Account, call.App, recorded, null);
        var prefix = (body["layers"] as JObject)?.Properties().Select(l => (string?)l.Value["file_name_prefix"]).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        track["output_file_name"] = (prefix is null ? string.Empty : prefix + "_") + track["id"] + ".webm";
        track["_track"] = true;
        return Ok(call.Route, new JObject { ["recording"] = Public(store.Add(Recordings(call), track), withDetails: false) });
    }

    private JObject? ActiveRecording(string recordings, string meetingId) =>
        store.Find(recordings, r => (string?)r["_meeting_id"] == SandboxResourceStore.Key(meetingId) && (string?)r["status"] is "RECORDING" or "PAUSED" && r["_track"] is null);

    public JObject NewRecording(string account, string app, JObject meeting, JObject? body)
    {
        var id = Guid.NewGuid().ToString("D");
        var now = Now();
        var live = store.Find(SandboxResourceStore.Of(account, app, "sessions"), s => (string?)s["associated_id"] == (string?)meeting["id"] && (string?)s["status"] == "LIVE");
        var prefix = (string?)body?["file_name_prefix"];
        return new JObject
        {
            ["id"] = id,
            ["status"] = "RECORDING",
            ["output_file_name"] = (string.IsNullOrEmpty(prefix) ? string.Empty : prefix + "_") + id + ".mp4",
            ["invoked_time"] = now,
            ["started_time"] = now,
            ["stopped_time"] = null,
            ["download_url"] = null,
            ["audio_download_url"] = null,
            ["download_url_expiry"] = null,
            ["file_size"] = null,
            ["session_id"] = live?["id"],
            ["start_reason"] = new JObject { ["reason"] = "API_CALL" },
            ["storage_config"] = body?["storage_config"]?.DeepClone(),
            ["_meeting_id"] = SandboxResourceStore.Key((string)meeting["id"]!),
        };
    }

    /// <summary>stop: RECORDING or PAUSED → UPLOADED (the upload is instant in the sandbox), with download URLs; pause and resume toggle PAUSED.</summary>
    public void Control(JObject recording, string action)
    {
        var now = time.GetUtcNow();
        switch (action)
        {
            case "pause":
                recording["status"] = "PAUSED";
                break;
            case "resume":
                recording["status"] = "RECORDING";
                break;
            default:
                var id = (string)recording["id"]!;
                var started = DateTimeOffset.Parse((string)recording["started_time"]!, System.Globalization.CultureInfo.InvariantCulture);
                var seconds = (long)Math.Max(0, (now - started).TotalSeconds);
                recording["status"] = "UPLOADED";
                recording["stopped_time"] = SandboxJson.Timestamp(now);
                recording["download_url"] = $"https://storage.sandbox.realtimekit.invalid/recordings/{id}.mp4";
                recording["audio_download_url"] = $"https://storage.sandbox.realtimekit.invalid/recordings/{id}.mp3";
                recording["download_url_expiry"] = SandboxJson.Timestamp(now + _downloadValidity);
                recording["file_size"] = 48_000 * Math.Max(1, seconds);
                recording["recording_duration"] = seconds;
                recording["stop_reason"] = new JObject { ["reason"] = "API_CALL" };
                break;
        }
    }
}
