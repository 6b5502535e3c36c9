using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// Sessions (and their participants, chat, transcript and summary), the active session and
/// recordings. Sessions exist only as the test seeds them (<see cref="RealtimeKitSandbox.AddSession"/>)
/// or a simulated meeting records them; recordings started through the API move through their
/// documented statuses. Fields whose name starts with <c>_</c> are the sandbox's own and never answered.
/// </summary>
internal sealed partial class SandboxResourceApi
{
    /// <summary>The session and recording operations (a method, so that <see cref="Operations"/> never meets it uninitialised across the partial files).</summary>
    private static string[] SessionOperations() =>
    [
        "listSessions", "getSession", "listSessionParticipants", "getSessionParticipant", "getSessionChat", "getSessionTranscript",
        "getSessionSummary", "generateSessionSummary", "getActiveSession",
        "listRecordings", "startRecording", "getRecording", "controlRecording", "getActiveRecording",
        .. LiveOperations(),
    ];

    /// <summary>How long the download URLs the sandbox answers stay valid.</summary>
    private static readonly TimeSpan _downloadValidity = TimeSpan.FromDays(7);

    private SandboxAnswer HandleSessions(SandboxRoute route, string account, string app, Dictionary<string, string> path, IReadOnlyDictionary<string, string> query, JObject? body)
    {
        var sessions = SandboxResourceStore.Of(account, app, "sessions");
        var recordings = SandboxResourceStore.Of(account, app, "recordings");
        path.TryGetValue("session_id", out var sessionId);
        path.TryGetValue("meeting_id", out var meetingId);
        path.TryGetValue("recording_id", out var recordingId);
        var session = sessionId is null ? null : store.Get(sessions, sessionId);

        switch (route.OperationId)
        {
            case "listSessions":
                var listed = store.List(sessions)
                    .Where(s => !query.TryGetValue("status", out var status) || string.Equals((string?)s["status"], status, StringComparison.OrdinalIgnoreCase))
                    .Where(s => !query.TryGetValue("associated_id", out var associated) || string.Equals((string?)s["associated_id"], associated, StringComparison.OrdinalIgnoreCase))
                    .Where(s => !query.TryGetValue("search", out var search) || ((string?)s["meeting_display_name"])?.Contains(search, StringComparison.OrdinalIgnoreCase) == true)
                    .Select(Public).ToList();
                var (start, page) = Page(listed, query);
                return new SandboxAnswer(route.SuccessStatus, new JObject
                {
                    ["success"] = true,
                    ["data"] = new JObject { ["sessions"] = new JArray(page) },
                    ["paging"] = new JObject { ["total_count"] = listed.Count, ["start_offset"] = start, ["end_offset"] = page.Count == 0 ? start : start + page.Count - 1 },
                }.ToString(Newtonsoft.Json.Formatting.None));
            case "getSession":
                return Found(route, "session", sessionId!, session is null ? null : Public(session));
            case "getActiveSession":
                var live = store.Find(sessions, s => (string?)s["associated_id"] == SandboxResourceStore.Key(meetingId!) && (string?)s["status"] == "LIVE");
                return Found(route, "active session of meeting", meetingId!, live is null ? null : Public(live));
            case "listSessionParticipants":
                return session is null
                    ? NotFound("session", sessionId!)
                    : Ok(route, new JObject { ["participants"] = new JArray(Page(store.List(SessionParticipants(account, app, sessionId!)), query).Page) });
            case "getSessionParticipant":
                path.TryGetValue("participant_id", out var peerId);
                var peer = session is null ? null : store.Get(SessionParticipants(account, app, sessionId!), peerId!);
                return Found(route, "session participant", peerId!, peer is null ? null : new JObject { ["participant"] = peer });
            case "getSessionChat":
                return Found(route, "chat of session", sessionId!, session?["_chat"]);
            case "getSessionTranscript":
                return Found(route, "transcript of session", sessionId!, session?["_transcript"]);
            case "getSessionSummary":
                return Found(route, "summary of session", sessionId!, session?["_summary"]);
            case "generateSessionSummary":
                if (session is null)
                {
                    return NotFound("session", sessionId!);
                }

                var summary = session["_summary"] is null ? Summary(sessionId!) : null;
                if (summary is not null)
                {
                    store.Update(sessions, sessionId!, s => s["_summary"] = summary);
                }

                return Ok(route, new JObject { ["session_id"] = session["id"], ["status"] = "COMPLETED" });

            case "startRecording":
                var meeting = store.Get(SandboxResourceStore.Of(account, app, "meetings"), (string)body!["meeting_id"]!);
                if (meeting is null)
                {
                    return NotFound("meeting", (string)body["meeting_id"]!);
                }

                if (body["allow_multiple_recordings"]?.Type != JTokenType.Boolean || !(bool)body["allow_multiple_recordings"]!)
                {
                    if (ActiveRecording(recordings, (string)meeting["id"]!) is not null)
                    {
                        return new SandboxAnswer(409, SandboxJson.Error(409, $"CONFLICT meeting {meeting["id"]} is already being recorded"));
                    }
                }

                return Ok(route, Public(store.Add(recordings, NewRecording(account, app, meeting, body))));
            case "getRecording":
                var recording = store.Get(recordings, recordingId!);
                return Found(route, "recording", recordingId!, recording is null ? null : Public(recording));
            case "controlRecording":
                var controlled = store.Get(recordings, recordingId!);
                if (controlled is null)
                {
                    return NotFound("recording", recordingId!);
                }

                var action = (string)body!["action"]!;
                var status = (string)controlled["status"]!;
                var allowed = (action, status) is ("stop", "RECORDING" or "PAUSED") or ("pause", "RECORDING") or ("resume", "PAUSED");
                if (!allowed)
                {
                    return new SandboxAnswer(400, SandboxJson.Error(400, $"BAD_REQUEST cannot {action} a recording that is {status}"));
                }

                return Ok(route, Public(store.Update(recordings, recordingId!, r => Control(r, action))!));
            case "getActiveRecording":
                var active = ActiveRecording(recordings, meetingId!);
                return Found(route, "active recording of meeting", meetingId!, active is null ? null : Public(active, withDetails: false));
            case "listRecordings":
                var all = store.List(recordings)
                    .Where(r => !query.TryGetValue("meeting_id", out var m) || (string?)r["_meeting_id"] == SandboxResourceStore.Key(m))
                    .Where(r => !query.TryGetValue("status", out var s) || string.Equals((string?)r["status"], s, StringComparison.OrdinalIgnoreCase))
                    .Select(r =>
                    {
                        var item = Public(r, withDetails: false);
                        if (store.Get(SandboxResourceStore.Of(account, app, "meetings"), (string)r["_meeting_id"]!) is { } m)
                        {
                            item["meeting"] = m;
                        }

                        return item;
                    }).ToList();
                return Paged(route, all, query, pagingInData: false);
        }

        return HandleLive(route, account, app, path, query, body);
    }

    public static string SessionParticipants(string account, string app, string sessionId) =>
        SandboxResourceStore.Of(account, app, $"sessions/{SandboxResourceStore.Key(sessionId)}/participants");

    public JObject Summary(string sessionId) => new()
    {
        ["sessionId"] = sessionId,
        ["summaryDownloadUrl"] = $"https://storage.sandbox.realtimekit.invalid/summaries/{sessionId}.txt",
        ["summaryDownloadUrlExpiry"] = SandboxJson.Timestamp(time.GetUtcNow() + _downloadValidity),
    };

    public JObject Transcript(string sessionId) => new()
    {
        ["sessionId"] = sessionId,
        ["transcript_download_url"] = $"https://storage.sandbox.realtimekit.invalid/transcripts/{sessionId}.vtt",
        ["transcript_download_url_expiry"] = SandboxJson.Timestamp(time.GetUtcNow() + _downloadValidity),
    };

    public JObject Chat(string sessionId) => new()
    {
        ["chat_download_url"] = $"https://storage.sandbox.realtimekit.invalid/chat/{sessionId}.csv",
        ["chat_download_url_expiry"] = SandboxJson.Timestamp(time.GetUtcNow() + _downloadValidity),
    };

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

    /// <summary>The object as answered: without the sandbox's own fields (and, for a list item or the active recording, without the details).</summary>
    private static JObject Public(JObject item) => Public(item, withDetails: true);

    private static JObject Public(JObject item, bool withDetails)
    {
        var copy = (JObject)item.DeepClone();
        foreach (var property in copy.Properties().Where(p => p.Name.StartsWith('_') || (!withDetails && p.Name is "start_reason" or "stop_reason")).ToList())
        {
            property.Remove();
        }

        if (copy["storage_config"]?.Type == JTokenType.Null)
        {
            copy.Remove("storage_config");
        }

        return copy;
    }

    /// <summary>Records a session of a meeting: LIVE without an end, ENDED with one (then its chat and transcript are ready, and its summary when the meeting summarizes on end).</summary>
    public JObject AddSession(string account, string app, string meetingId, DateTimeOffset startedAt, DateTimeOffset? endedAt, IEnumerable<RealtimeKitSandboxSessionParticipant> participants)
    {
        var meeting = store.Get(SandboxResourceStore.Of(account, app, "meetings"), meetingId);
        var id = Guid.NewGuid().ToString("D");
        var peers = participants.Select(p => SessionParticipant(p, endedAt)).ToList();
        foreach (var peer in peers)
        {
            store.Add(SessionParticipants(account, app, id), peer);
        }

        var session = new JObject
        {
            ["id"] = id,
            ["associated_id"] = SandboxResourceStore.Key(meetingId),
            ["meeting_display_name"] = (string?)meeting?["title"] ?? string.Empty,
            ["type"] = "meeting",
            ["organization_id"] = account,
            ["started_at"] = SandboxJson.Timestamp(startedAt),
            ["created_at"] = SandboxJson.Timestamp(startedAt),
        };
        Settle(session, peers, endedAt, meeting);
        return store.Add(SandboxResourceStore.Of(account, app, "sessions"), session);
    }

    /// <summary>Adds a participant to a recorded session (a simulated join).</summary>
    public JObject Join(string account, string app, string sessionId, RealtimeKitSandboxSessionParticipant participant)
    {
        var peer = store.Add(SessionParticipants(account, app, sessionId), SessionParticipant(participant, null));
        store.Update(SandboxResourceStore.Of(account, app, "sessions"), sessionId, s => Settle(s, store.List(SessionParticipants(account, app, sessionId)), null, null));
        return peer;
    }

    /// <summary>A participant of a recorded session leaves at <paramref name="at"/>.</summary>
    public JObject? Leave(string account, string app, string sessionId, string peerId, DateTimeOffset at)
    {
        var peer = store.Update(SessionParticipants(account, app, sessionId), peerId, p => LeftAt(p, at));
        store.Update(SandboxResourceStore.Of(account, app, "sessions"), sessionId, s => Settle(s, store.List(SessionParticipants(account, app, sessionId)), null, null));
        return peer;
    }

    /// <summary>Ends a recorded session at <paramref name="at"/>: those still in it leave; its chat and transcript become ready.</summary>
    public JObject? End(string account, string app, string sessionId, DateTimeOffset at, bool summary)
    {
        foreach (var peer in store.List(SessionParticipants(account, app, sessionId)).Where(p => p["left_at"] is null))
        {
            store.Update(SessionParticipants(account, app, sessionId), (string)peer["id"]!, p => LeftAt(p, at));
        }

        var peers = store.List(SessionParticipants(account, app, sessionId));
        return store.Update(SandboxResourceStore.Of(account, app, "sessions"), sessionId, s =>
        {
            Settle(s, peers, at, null);
            if (summary)
            {
                s["_summary"] = Summary(sessionId);
            }
        });
    }

    private JObject SessionParticipant(RealtimeKitSandboxSessionParticipant participant, DateTimeOffset? endedAt)
    {
        var peer = new JObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["user_id"] = Guid.NewGuid().ToString("D"),
            ["custom_participant_id"] = participant.CustomParticipantId,
            ["display_name"] = participant.DisplayName,
            ["preset_name"] = participant.PresetName,
            ["joined_at"] = SandboxJson.Timestamp(participant.JoinedAt),
            ["created_at"] = SandboxJson.Timestamp(participant.JoinedAt),
            ["updated_at"] = SandboxJson.Timestamp(participant.JoinedAt),
        };
        if ((participant.LeftAt ?? endedAt) is { } left)
        {
            LeftAt(peer, left);
        }

        return peer;
    }

    private static void LeftAt(JObject peer, DateTimeOffset at)
    {
        var joined = DateTimeOffset.Parse((string)peer["joined_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        peer["left_at"] = SandboxJson.Timestamp(at);
        peer["updated_at"] = SandboxJson.Timestamp(at);
        peer["duration"] = Math.Round(Math.Max(0, (at - joined).TotalMinutes), 2);
    }

    /// <summary>Status, counts and minutes of a session from its participants.</summary>
    private void Settle(JObject session, IReadOnlyList<JObject> peers, DateTimeOffset? endedAt, JObject? meeting)
    {
        if (endedAt is { } ended)
        {
            var id = (string)session["id"]!;
            session["status"] = "ENDED";
            session["ended_at"] = SandboxJson.Timestamp(ended);
            session["_chat"] = Chat(id);
            session["_transcript"] = Transcript(id);
            if (meeting?["summarize_on_end"]?.Type == JTokenType.Boolean && (bool)meeting["summarize_on_end"]!)
            {
                session["_summary"] = Summary(id);
            }
        }
        else
        {
            session["status"] ??= "LIVE";
        }

        var live = (string?)session["status"] == "LIVE" ? peers.Count(p => p["left_at"] is null) : 0;
        session["live_participants"] = live;
        session["max_concurrent_participants"] = Math.Max((int?)session["max_concurrent_participants"] ?? 0, MaxConcurrent(peers));
        session["minutes_consumed"] = Math.Round(peers.Sum(p => (double?)p["duration"] ?? 0), 2);
        session["updated_at"] = Now();
    }

    private static int MaxConcurrent(IReadOnlyList<JObject> peers)
    {
        var changes = peers.SelectMany(p => new[] { ((string)p["joined_at"]!, 1) }.Concat(p["left_at"] is null ? [] : [((string)p["left_at"]!, -1)]))
            .OrderBy(c => c.Item1, StringComparer.Ordinal).ThenBy(c => c.Item2);
        int now = 0, max = 0;
        foreach (var (_, delta) in changes)
        {
            now += delta;
            max = Math.Max(max, now);
        }

        return max;
    }
}
