using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>Sessions, their participants, chat, transcript, summary and peer reports. Sessions exist only as the test seeds them (<see cref="RealtimeKitSandbox.AddSession"/>), a simulated meeting records them, or a live session holds them; fields whose name starts with <c>_</c> are the sandbox's own and never answered.</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterSessions(Dictionary<string, SandboxOperation> table)
    {
        table.Add("listSessions", ListSessions);
        table.Add("getSession", call => Found(call.Route, "session", call.Id("session_id"), SessionOf(call) is { } session ? Public(session) : null));
        table.Add("listSessionParticipants", call => SessionOf(call) is null
            ? NotFound("session", call.Id("session_id"))
            : Ok(call.Route, new JObject { ["participants"] = new JArray(Page(store.List(SessionParticipants(call.Account, call.App, call.Id("session_id"))), call.Query).Page) }));
        table.Add("getSessionParticipant", GetSessionParticipant);
        table.Add("getPeerReport", call => PeerReport(call.Route, call.Account, call.App, call.Id("peer_id"), call.Query));
        table.Add("getSessionChat", call => Found(call.Route, "chat of session", call.Id("session_id"), SessionOf(call)?["_chat"]));
        table.Add("getSessionTranscript", call => Found(call.Route, "transcript of session", call.Id("session_id"), SessionOf(call)?["_transcript"]));
        table.Add("getSessionSummary", call => Found(call.Route, "summary of session", call.Id("session_id"), SessionOf(call)?["_summary"]));
        table.Add("generateSessionSummary", GenerateSessionSummary);
    }

    private static string Sessions(SandboxCall call) => SandboxResourceStore.Of(call.Account, call.App, "sessions");

    private JObject? SessionOf(SandboxCall call) => store.Get(Sessions(call), call.Id("session_id"));

    private SandboxAnswer ListSessions(SandboxCall call)
    {
        var query = call.Query;
        var listed = store.List(Sessions(call))
            .Where(s => !query.TryGetValue("status", out var status) || string.Equals((string?)s["status"], status, StringComparison.OrdinalIgnoreCase))
            .Where(s => !query.TryGetValue("associated_id", out var associated) || string.Equals((string?)s["associated_id"], associated, StringComparison.OrdinalIgnoreCase))
            .Where(s => !query.TryGetValue("search", out var search) || ((string?)s["meeting_display_name"])?.Contains(search, StringComparison.OrdinalIgnoreCase) == true)
            .Select(Public).ToList();
        var (start, page) = Page(listed, query);
        return new SandboxAnswer(call.Route.SuccessStatus, new JObject
        {
            ["success"] = true,
            ["data"] = new JObject { ["sessions"] = new JArray(page) },
            ["paging"] = Paging(listed.Count, start, page.Count),
        }.ToString(Newtonsoft.Json.Formatting.None));
    }

    private SandboxAnswer GetSessionParticipant(SandboxCall call)
    {
        var peerId = call.Id("participant_id");
        var peer = SessionOf(call) is null ? null : store.Get(SessionParticipants(call.Account, call.App, call.Id("session_id")), peerId);
        return Found(call.Route, "session participant", peerId, peer is null ? null : new JObject { ["participant"] = peer });
    }

    private SandboxAnswer GenerateSessionSummary(SandboxCall call)
    {
        var sessionId = call.Id("session_id");
        var session = SessionOf(call);
        if (session is null)
        {
            return NotFound("session", sessionId);
        }

        if (session["_summary"] is null)
        {
            var summary = Summary(sessionId);
            store.Update(Sessions(call), sessionId, s => s["_summary"] = summary);
        }

        return Ok(call.Route, new JObject { ["session_id"] = session["id"], ["status"] = "COMPLETED" });
    }

    /// <summary>How long the download URLs the sandbox answers stay valid.</summary>
    private static readonly TimeSpan _downloadValidity = TimeSpan.FromDays(7);

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

    /// <summary>
    /// A session participant found by peer id, with what the sandbox knows of its peer: when it
    /// joined and left (the report's events) and an empty quality section. Device, network and
    /// browser details are not simulated and left out.
    /// </summary>
    private SandboxAnswer PeerReport(SandboxRoute route, string account, string app, string peerId, IReadOnlyDictionary<string, string> query)
    {
        foreach (var session in store.List(SandboxResourceStore.Of(account, app, "sessions")))
        {
            var sessionId = (string)session["id"]!;
            if (store.Get(SessionParticipants(account, app, sessionId), peerId) is not { } peer)
            {
                continue;
            }

            var participant = new JObject
            {
                ["id"] = peer["id"],
                ["user_id"] = peer["user_id"],
                ["custom_participant_id"] = peer["custom_participant_id"],
                ["display_name"] = peer["display_name"],
                ["role"] = peer["preset_name"],
                ["session_id"] = sessionId,
            };
            foreach (var name in new[] { "duration", "joined_at", "left_at", "created_at", "updated_at" })
            {
                if (peer[name] is { Type: not JTokenType.Null } value)
                {
                    participant[name] = value;
                }
            }

            var moments = new List<(string Name, string At)> { ("PEER_JOINING", (string)peer["joined_at"]!) };
            if (peer["left_at"]?.Type == JTokenType.String)
            {
                moments.Add(("PEER_LEAVING", (string)peer["left_at"]!));
            }

            if (query.TryGetValue("include_peer_events", out var include) && string.Equals(include, "true", StringComparison.OrdinalIgnoreCase))
            {
                participant["peer_events"] = new JArray(moments.Select(m => new JObject
                {
                    ["id"] = StableId($"{peer["id"]}:{m.Name}"),
                    ["peer_id"] = peer["id"],
                    ["event_name"] = m.Name,
                    ["session_id"] = sessionId,
                    ["created_at"] = m.At,
                    ["updated_at"] = m.At,
                }));
            }

            var filters = query.TryGetValue("filters", out var text) && !string.IsNullOrWhiteSpace(text)
                ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : null;
            var report = new JObject();
            if (filters is null || filters.Contains("events"))
            {
                report["metadata"] = new JObject
                {
                    ["events"] = new JArray(moments.Select(m => new JObject { ["name"] = m.Name == "PEER_JOINING" ? "joined" : "left", ["timestamp"] = m.At })),
                };
            }

            if (filters is null || filters.Contains("quality_stats"))
            {
                report["quality"] = new JObject();
            }

            participant["peer_report"] = report;
            return Ok(route, new JObject { ["participant"] = participant });
        }

        return NotFound("peer", peerId);
    }

    private static string StableId(string text) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToString("D");
}
