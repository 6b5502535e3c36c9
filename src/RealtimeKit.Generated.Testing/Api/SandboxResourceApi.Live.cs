using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// Livestreams and their sessions, the actions on a meeting's live session (kick, mute, poll),
/// track recordings, peer reports and analytics. Everything is answered from the sandbox's
/// state: livestreams and polls created through the API, sessions the test seeded or a
/// simulated meeting recorded, recordings started through the API.
/// </summary>
internal sealed partial class SandboxResourceApi
{
    private const string Host = "sandbox.realtimekit.invalid";

    private static string[] LiveOperations() =>
    [
        "listLivestreams", "createLivestream", "getLivestream", "getActiveLivestreamSession", "getLivestreamSession",
        "startLivestream", "stopLivestream", "getMeetingActiveLivestream", "listMeetingLivestreams", "listSessionLivestreamSessions",
        "getLivestreamAnalytics", "getDaywiseLivestreamAnalytics",
        "kickParticipants", "kickAllParticipants", "muteParticipants", "muteAllParticipants", "createPoll",
        "startTrackRecording", "getPeerReport", "getDaywiseAnalytics",
    ];

    private SandboxAnswer HandleLive(SandboxRoute route, string account, string app, Dictionary<string, string> path, IReadOnlyDictionary<string, string> query, JObject? body)
    {
        var livestreams = SandboxResourceStore.Of(account, app, "livestreams");
        var streamSessions = SandboxResourceStore.Of(account, app, "livestream-sessions");
        var meetings = SandboxResourceStore.Of(account, app, "meetings");
        path.TryGetValue("livestream_id", out var livestreamId);
        path.TryGetValue("meeting_id", out var meetingId);
        path.TryGetValue("session_id", out var sessionId);
        var meeting = meetingId is null ? null : store.Get(meetings, meetingId);

        switch (route.OperationId)
        {
            case "createLivestream":
                var created = store.Add(livestreams, NewLivestream(null, NameOf(body)));
                return Ok(route, Created(created));
            case "listLivestreams":
                return ListLivestreams(route, livestreams, query);
            case "getLivestream":
                var stream = store.Get(livestreams, livestreamId!);
                if (stream is null)
                {
                    return NotFound("livestream", livestreamId!);
                }

                var ofStream = store.List(streamSessions).Where(s => (string?)s["livestream_id"] == (string?)stream["id"]).ToList();
                var (streamStart, streamPage) = Page(ofStream, query);
                var withSession = new JObject { ["livestream"] = AsLivestream(stream) };
                if (ofStream.Count > 0)
                {
                    withSession["session"] = AsStreamSession(streamPage.LastOrDefault() ?? ofStream[^1]);
                }

                withSession["paging"] = Paging(ofStream.Count, streamStart, streamPage.Count);
                return Ok(route, withSession);
            case "getActiveLivestreamSession":
                var streamed = store.Get(livestreams, livestreamId!);
                var running = streamed is null ? null : RunningSession(streamSessions, (string)streamed["id"]!);
                return running is null
                    ? NotFound("active session of livestream", livestreamId!)
                    : Ok(route, new JObject { ["livestream"] = AsLivestream(streamed!), ["session"] = AsStreamSession(running) });
            case "getLivestreamSession":
                path.TryGetValue("livestream-session-id", out var streamSessionId);
                var found = store.Get(streamSessions, streamSessionId!);
                return Found(route, "livestream session", streamSessionId!, found is null ? null : AsStreamSession(found));
            case "startLivestream":
                return meeting is null ? NotFound("meeting", meetingId!) : StartLivestream(route, account, app, meeting, body!);
            case "stopLivestream":
                if (meeting is null)
                {
                    return NotFound("meeting", meetingId!);
                }

                var live = store.Find(livestreams, l => (string?)l["meeting_id"] == SandboxResourceStore.Key(meetingId!) && (string?)l["status"] == "LIVE");
                if (live is null)
                {
                    return NotFound("active livestream of meeting", meetingId!);
                }

                StopLivestream(livestreams, streamSessions, (string)live["id"]!);
                return Ok(route, new JObject { ["message"] = "Stopped livestreaming successfully" });
            case "getMeetingActiveLivestream":
                var active = meeting is null ? null : store.Find(livestreams, l => (string?)l["meeting_id"] == SandboxResourceStore.Key(meetingId!) && (string?)l["status"] == "LIVE");
                return Found(route, "active livestream of meeting", meetingId!, active is null ? null : AsLivestream(active));
            case "listMeetingLivestreams":
                if (meeting is null)
                {
                    return NotFound("meeting", meetingId!);
                }

                var ofMeeting = store.List(livestreams).Where(l => (string?)l["meeting_id"] == SandboxResourceStore.Key(meetingId!)).ToList();
                var (meetingStart, meetingPage) = Page(ofMeeting, query);
                var data = new JObject
                {
                    ["livestreams"] = new JArray(meetingPage.Select(AsMeetingLivestream)),
                    ["paging"] = Paging(ofMeeting.Count, meetingStart, meetingPage.Count),
                };
                var ids = ofMeeting.Select(l => (string?)l["id"]).ToHashSet();
                if (store.List(streamSessions).LastOrDefault(s => ids.Contains((string?)s["livestream_id"])) is { } latest)
                {
                    data["sessions"] = AsStreamSession(latest);
                }

                return Ok(route, data);
            case "listSessionLivestreamSessions":
                if (store.Get(SandboxResourceStore.Of(account, app, "sessions"), sessionId!) is null)
                {
                    return NotFound("session", sessionId!);
                }

                var duringSession = store.List(streamSessions).Where(s => (string?)s["_session_id"] == SandboxResourceStore.Key(sessionId!)).ToList();
                var (sessionStart, sessionPage) = Page(duringSession, query);
                var first = sessionPage.Count > 0 ? AsStreamSession(sessionPage[0]) : new JObject();
                first.Remove("started_time");
                first["paging"] = Paging(duringSession.Count, sessionStart, sessionPage.Count);
                return Ok(route, first);
            case "getLivestreamAnalytics":
                var (count, ingest, viewer) = LivestreamTotals(InUnixRange(store.List(streamSessions), query));
                return Ok(route, new JObject { ["count"] = count, ["total_ingest_seconds"] = ingest, ["total_viewer_seconds"] = viewer });
            case "getDaywiseLivestreamAnalytics":
                var days = InUnixRange(store.List(streamSessions), query)
                    .GroupBy(s => Day((string)s["started_time"]!))
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g =>
                    {
                        var (dayCount, dayIngest, dayViewer) = LivestreamTotals([.. g]);
                        return new JObject { ["date"] = g.Key, ["count"] = dayCount, ["total_ingest_seconds"] = dayIngest, ["total_viewer_seconds"] = dayViewer };
                    });
                return Ok(route, new JArray(days));

            case "kickParticipants":
            case "muteParticipants":
                return meeting is null ? NotFound("meeting", meetingId!) : ActOn(route, account, app, meeting, body!);
            case "kickAllParticipants":
            case "muteAllParticipants":
                return meeting is null ? NotFound("meeting", meetingId!) : ActOnAll(route, account, app, meeting, body);
            case "createPoll":
                return meeting is null ? NotFound("meeting", meetingId!) : CreatePoll(route, account, app, meeting, body!);

            case "startTrackRecording":
                var recorded = store.Get(meetings, (string)body!["meeting_id"]!);
                if (recorded is null)
                {
                    return NotFound("meeting", (string)body["meeting_id"]!);
                }

                var track = NewRecording(account, app, recorded, null);
                var prefix = (body["layers"] as JObject)?.Properties().Select(l => (string?)l.Value["file_name_prefix"]).FirstOrDefault(p => !string.IsNullOrEmpty(p));
                track["output_file_name"] = (prefix is null ? string.Empty : prefix + "_") + track["id"] + ".webm";
                track["_track"] = true;
                return Ok(route, new JObject { ["recording"] = Public(store.Add(SandboxResourceStore.Of(account, app, "recordings"), track), withDetails: false) });
            case "getPeerReport":
                path.TryGetValue("peer_id", out var peerId);
                return PeerReport(route, account, app, peerId!, query);
            case "getDaywiseAnalytics":
                return DaywiseAnalytics(route, account, app, query);
        }

        throw new InvalidOperationException($"{route.OperationId} is not handled here.");
    }

    private static string? NameOf(JObject? body) => body?["name"]?.Type == JTokenType.String ? (string?)body["name"] : null;

    private JObject NewLivestream(string? meetingId, string? name)
    {
        var id = Guid.NewGuid().ToString("D");
        var now = Now();
        return new JObject
        {
            ["id"] = id,
            ["name"] = name,
            ["meeting_id"] = meetingId,
            ["ingest_server"] = $"rtmps://live.{Host}:443/live/",
            ["stream_key"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            ["playback_url"] = $"https://stream.{Host}/{id}/manifest/video.m3u8",
            ["disabled"] = false,
            ["status"] = "IDLE",
            ["created_at"] = now,
            ["updated_at"] = now,
        };
    }

    /// <summary>A meeting's livestream (its latest, reused) goes LIVE with a new livestream session, during the meeting's live session if it has one.</summary>
    private SandboxAnswer StartLivestream(SandboxRoute route, string account, string app, JObject meeting, JObject body)
    {
        var livestreams = SandboxResourceStore.Of(account, app, "livestreams");
        var streamSessions = SandboxResourceStore.Of(account, app, "livestream-sessions");
        var meetingKey = SandboxResourceStore.Key((string)meeting["id"]!);
        var stream = store.Find(livestreams, l => (string?)l["meeting_id"] == meetingKey)
            ?? store.Add(livestreams, NewLivestream(meetingKey, NameOf(body)));
        var id = (string)stream["id"]!;
        if ((string?)stream["status"] != "LIVE")
        {
            var now = Now();
            var liveSession = store.Find(SandboxResourceStore.Of(account, app, "sessions"), s => (string?)s["associated_id"] == meetingKey && (string?)s["status"] == "LIVE");
            store.Add(streamSessions, new JObject
            {
                ["id"] = Guid.NewGuid().ToString("D"),
                ["livestream_id"] = id,
                ["invoked_time"] = now,
                ["started_time"] = now,
                ["created_at"] = now,
                ["updated_at"] = now,
                ["_session_id"] = liveSession?["id"],
            });
            stream = store.Update(livestreams, id, l =>
            {
                l["status"] = "LIVE";
                if (NameOf(body) is { } name)
                {
                    l["name"] = name;
                }

                l["updated_at"] = now;
            })!;
        }

        return Ok(route, new JObject
        {
            ["id"] = stream["id"],
            ["ingest_server"] = stream["ingest_server"],
            ["stream_key"] = stream["stream_key"],
            ["playback_url"] = stream["playback_url"],
            ["status"] = stream["status"],
        });
    }

    private void StopLivestream(string livestreams, string streamSessions, string livestreamId)
    {
        var now = time.GetUtcNow();
        if (RunningSession(streamSessions, livestreamId) is { } running)
        {
            store.Update(streamSessions, (string)running["id"]!, s =>
            {
                s["stopped_time"] = SandboxJson.Timestamp(now);
                s["ingest_seconds"] = Seconds(s, now);
                s["viewer_seconds"] = 0;
                s["updated_at"] = SandboxJson.Timestamp(now);
            });
        }

        store.Update(livestreams, livestreamId, l =>
        {
            l["status"] = "OFFLINE";
            l["updated_at"] = SandboxJson.Timestamp(now);
        });
    }

    private JObject? RunningSession(string streamSessions, string livestreamId) =>
        store.Find(streamSessions, s => (string?)s["livestream_id"] == livestreamId && s["stopped_time"] is null);

    /// <summary>
    /// The published list answers one livestream with the paging inside it, not an array: the
    /// first livestream of the page (none on an empty page), and the paging of the whole list.
    /// </summary>
    private SandboxAnswer ListLivestreams(SandboxRoute route, string livestreams, IReadOnlyDictionary<string, string> query)
    {
        IEnumerable<JObject> items = store.List(livestreams)
            .Where(l => !query.TryGetValue("status", out var status) || string.Equals((string?)l["status"], status, StringComparison.OrdinalIgnoreCase))
            .Where(l => !(query.TryGetValue("exclude_meetings", out var exclude) && string.Equals(exclude, "true", StringComparison.OrdinalIgnoreCase)) || (string?)l["meeting_id"] is null)
            .Where(l => InRange(l, query));
        if (query.TryGetValue("sort_order", out var sort) && string.Equals(sort, "DSC", StringComparison.OrdinalIgnoreCase))
        {
            items = items.Reverse();
        }

        var all = items.ToList();
        var (start, page) = Page(all, query);
        var data = page.Count > 0 ? AsLivestream(page[0]) : new JObject();
        data["paging"] = Paging(all.Count, start, page.Count);
        return Ok(route, data);
    }

    private static JObject Paging(int total, int start, int count) =>
        new() { ["total_count"] = total, ["start_offset"] = start, ["end_offset"] = count == 0 ? start : start + count - 1 };

    /// <summary>A livestream as most livestream operations answer it: <c>disabled</c> a string, no <c>meeting_id</c> for a standalone one.</summary>
    private static JObject AsLivestream(JObject stored)
    {
        var copy = Public(stored, withDetails: true);
        copy["disabled"] = (bool)stored["disabled"]! ? "true" : "false";
        if ((string?)copy["meeting_id"] is null)
        {
            copy.Remove("meeting_id");
        }

        return copy;
    }

    /// <summary>A livestream as create answers it: <c>disabled</c> a boolean, <c>meeting_id</c> null, no timestamps.</summary>
    private static JObject Created(JObject stored)
    {
        var copy = Public(stored, withDetails: true);
        copy.Remove("created_at");
        copy.Remove("updated_at");
        return copy;
    }

    /// <summary>A livestream as the meeting's list answers it: <c>disabled</c> a boolean.</summary>
    private static JObject AsMeetingLivestream(JObject stored) => Public(stored, withDetails: true);

    /// <summary>A livestream session, with the seconds streamed so far while it runs (nobody watches in the sandbox: no viewer seconds).</summary>
    private JObject AsStreamSession(JObject stored)
    {
        var copy = Public(stored, withDetails: true);
        if (copy["stopped_time"] is null)
        {
            copy["ingest_seconds"] = Seconds(stored, time.GetUtcNow());
            copy["viewer_seconds"] = 0;
        }

        return copy;
    }

    private static long Seconds(JObject streamSession, DateTimeOffset until)
    {
        var started = DateTimeOffset.Parse((string)streamSession["started_time"]!, CultureInfo.InvariantCulture);
        var stopped = streamSession["stopped_time"]?.Type == JTokenType.String
            ? DateTimeOffset.Parse((string)streamSession["stopped_time"]!, CultureInfo.InvariantCulture)
            : until;
        return (long)Math.Max(0, (stopped - started).TotalSeconds);
    }

    /// <summary>The livestream sessions that started within <c>start_time</c> … <c>end_time</c> (Unix seconds, each optional).</summary>
    private static List<JObject> InUnixRange(IEnumerable<JObject> streamSessions, IReadOnlyDictionary<string, string> query)
    {
        long? Bound(string name) => query.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        var from = Bound("start_time");
        var to = Bound("end_time");
        return streamSessions.Where(s =>
        {
            var started = DateTimeOffset.Parse((string)s["started_time"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds();
            return (from is null || started >= from) && (to is null || started <= to);
        }).ToList();
    }

    private (int Count, long Ingest, long Viewer) LivestreamTotals(List<JObject> streamSessions)
    {
        var now = time.GetUtcNow();
        return (
            streamSessions.Select(s => (string?)s["livestream_id"]).Distinct().Count(),
            streamSessions.Sum(s => Seconds(s, now)),
            streamSessions.Sum(s => (long?)s["viewer_seconds"] ?? 0));
    }

    private static string Day(string timestamp) =>
        DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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

    /// <summary>
    /// Sessions and recordings of the app that started within <c>start_date</c> … <c>end_date</c>
    /// (days in UTC; by default the 30 days up to today), with the participant minutes of the
    /// sessions and the minutes recorded (each recording rounded up to a whole minute), one entry
    /// per day that has any.
    /// </summary>
    private SandboxAnswer DaywiseAnalytics(SandboxRoute route, string account, string app, IReadOnlyDictionary<string, string> query)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        DateOnly? Date(string name) => query.TryGetValue(name, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var to = Date("end_date") ?? today;
        var from = Date("start_date") ?? to.AddDays(-30);
        bool Within(string day)
        {
            var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return date >= from && date <= to;
        }

        var sessions = store.List(SandboxResourceStore.Of(account, app, "sessions"))
            .Select(s => (Day: Day((string)s["started_at"]!), Minutes: (double?)s["minutes_consumed"] ?? 0))
            .Where(s => Within(s.Day))
            .GroupBy(s => s.Day).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Day: g.Key, Count: g.Count(), Minutes: Math.Round(g.Sum(s => s.Minutes), 2)))
            .ToList();
        var now = time.GetUtcNow();
        var recordings = store.List(SandboxResourceStore.Of(account, app, "recordings"))
            .Where(r => r["started_time"]?.Type == JTokenType.String)
            .Select(r => (Day: Day((string)r["started_time"]!), Minutes: RecordedMinutes(r, now)))
            .Where(r => Within(r.Day))
            .GroupBy(r => r.Day).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Day: g.Key, Count: g.Count(), Minutes: g.Sum(r => r.Minutes)))
            .ToList();

        return Ok(route, new JObject
        {
            ["session_stats"] = new JObject
            {
                ["sessions_count"] = sessions.Sum(d => d.Count),
                ["sessions_minutes_consumed"] = Math.Round(sessions.Sum(d => d.Minutes), 2),
                ["day_stats"] = new JArray(sessions.Select(d => new JObject { ["day"] = d.Day, ["total_sessions"] = d.Count, ["total_session_minutes"] = d.Minutes })),
            },
            ["recording_stats"] = new JObject
            {
                ["recording_count"] = recordings.Sum(d => d.Count),
                ["recording_minutes_consumed"] = recordings.Sum(d => d.Minutes),
                ["day_stats"] = new JArray(recordings.Select(d => new JObject { ["day"] = d.Day, ["total_recordings"] = d.Count, ["total_recording_minutes"] = d.Minutes })),
            },
        });
    }

    private static long RecordedMinutes(JObject recording, DateTimeOffset now)
    {
        var seconds = recording["recording_duration"]?.Type == JTokenType.Integer
            ? (long)recording["recording_duration"]!
            : (long)Math.Max(0, (now - DateTimeOffset.Parse((string)recording["started_time"]!, CultureInfo.InvariantCulture)).TotalSeconds);
        return (seconds + 59) / 60;
    }
}
