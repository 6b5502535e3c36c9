using System.Globalization;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>Livestreams and their sessions, standalone or of a meeting, with their analytics.</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterLivestreams(Dictionary<string, SandboxOperation> table)
    {
        table.Add("listLivestreams", call => ListLivestreams(call.Route, Livestreams(call), call.Query));
        table.Add("createLivestream", call => Ok(call.Route, Created(store.Add(Livestreams(call), NewLivestream(null, NameOf(call.Body))))));
        table.Add("getLivestream", GetLivestream);
        table.Add("getActiveLivestreamSession", GetActiveLivestreamSession);
        table.Add("getLivestreamSession", call => Found(call.Route, "livestream session", call.Id("livestream-session-id"), store.Get(StreamSessions(call), call.Id("livestream-session-id")) is { } found ? AsStreamSession(found) : null));
        table.Add("startLivestream", call => MeetingOf(call) is { } meeting ? StartLivestream(call.Route, call.Account, call.App, meeting, call.Json) : NotFound("meeting", call.Id("meeting_id")));
        table.Add("stopLivestream", StopMeetingLivestream);
        table.Add("getMeetingActiveLivestream", call => Found(call.Route, "active livestream of meeting", call.Id("meeting_id"), MeetingOf(call) is not null && LiveStreamOf(call) is { } active ? AsLivestream(active) : null));
        table.Add("listMeetingLivestreams", ListMeetingLivestreams);
        table.Add("listSessionLivestreamSessions", ListSessionLivestreamSessions);
        table.Add("getLivestreamAnalytics", GetLivestreamAnalytics);
        table.Add("getDaywiseLivestreamAnalytics", GetDaywiseLivestreamAnalytics);
    }

    private static string Livestreams(SandboxCall call) => SandboxResourceStore.Of(call.Account, call.App, "livestreams");

    private static string StreamSessions(SandboxCall call) => SandboxResourceStore.Of(call.Account, call.App, "livestream-sessions");

    private JObject? MeetingOf(SandboxCall call) => store.Get(Meetings(call), call.Id("meeting_id"));

    /// <summary>The meeting's livestream that is LIVE, if any.</summary>
    private JObject? LiveStreamOf(SandboxCall call) =>
        store.Find(Livestreams(call), l => (string?)l["meeting_id"] == SandboxResourceStore.Key(call.Id("meeting_id")) && (string?)l["status"] == "LIVE");

    private SandboxAnswer GetLivestream(SandboxCall call)
    {
        var livestreamId = call.Id("livestream_id");
        var stream = store.Get(Livestreams(call), livestreamId);
        if (stream is null)
        {
            return NotFound("livestream", livestreamId);
        }

        var ofStream = store.List(StreamSessions(call)).Where(s => (string?)s["livestream_id"] == (string?)stream["id"]).ToList();
        var (start, page) = Page(ofStream, call.Query);
        var withSession = new JObject { ["livestream"] = AsLivestream(stream) };
        if (ofStream.Count > 0)
        {
            withSession["session"] = AsStreamSession(page.LastOrDefault() ?? ofStream[^1]);
        }

        withSession["paging"] = Paging(ofStream.Count, start, page.Count);
        return Ok(call.Route, withSession);
    }

    private SandboxAnswer GetActiveLivestreamSession(SandboxCall call)
    {
        var streamed = store.Get(Livestreams(call), call.Id("livestream_id"));
        var running = streamed is null ? null : RunningSession(StreamSessions(call), (string)streamed["id"]!);
        return running is null
            ? NotFound("active session of livestream", call.Id("livestream_id"))
            : Ok(call.Route, new JObject { ["livestream"] = AsLivestream(streamed!), ["session"] = AsStreamSession(running) });
    }

    private SandboxAnswer StopMeetingLivestream(SandboxCall call)
    {
        var meetingId = call.Id("meeting_id");
        if (MeetingOf(call) is null)
        {
            return NotFound("meeting", meetingId);
        }

        if (LiveStreamOf(call) is not { } live)
        {
            return NotFound("active livestream of meeting", meetingId);
        }

        StopLivestream(Livestreams(call), StreamSessions(call), (string)live["id"]!);
        return Ok(call.Route, new JObject { ["message"] = "Stopped livestreaming successfully" });
    }

    private SandboxAnswer ListMeetingLivestreams(SandboxCall call)
    {
        var meetingId = call.Id("meeting_id");
        if (MeetingOf(call) is null)
        {
            return NotFound("meeting", meetingId);
        }

        var ofMeeting = store.List(Livestreams(call)).Where(l => (string?)l["meeting_id"] == SandboxResourceStore.Key(meetingId)).ToList();
        var (start, page) = Page(ofMeeting, call.Query);
        var data = new JObject
        {
            ["livestreams"] = new JArray(page.Select(AsMeetingLivestream)),
            ["paging"] = Paging(ofMeeting.Count, start, page.Count),
        };
        var ids = ofMeeting.Select(l => (string?)l["id"]).ToHashSet();
        if (store.List(StreamSessions(call)).LastOrDefault(s => ids.Contains((string?)s["livestream_id"])) is { } latest)
        {
            data["sessions"] = AsStreamSession(latest);
        }

        return Ok(call.Route, data);
    }

    private SandboxAnswer ListSessionLivestreamSessions(SandboxCall call)
    {
        var sessionId = call.Id("session_id");
        if (SessionOf(call) is null)
        {
            return NotFound("session", sessionId);
        }

        var duringSession = store.List(StreamSessions(call)).Where(s => (string?)s["_session_id"] == SandboxResourceStore.Key(sessionId)).ToList();
        var (start, page) = Page(duringSession, call.Query);
        var first = page.Count > 0 ? AsStreamSession(page[0]) : new JObject();
        first.Remove("started_time");
        first["paging"] = Paging(duringSession.Count, start, page.Count);
        return Ok(call.Route, first);
    }

    private SandboxAnswer GetLivestreamAnalytics(SandboxCall call)
    {
        var (count, ingest, viewer) = LivestreamTotals(InUnixRange(store.List(StreamSessions(call)), call.Query));
        return Ok(call.Route, new JObject { ["count"] = count, ["total_ingest_seconds"] = ingest, ["total_viewer_seconds"] = viewer });
    }

    private SandboxAnswer GetDaywiseLivestreamAnalytics(SandboxCall call)
    {
        var days = InUnixRange(store.List(StreamSessions(call)), call.Query)
            .GroupBy(s => Day((string)s["started_time"]!))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var (count, ingest, viewer) = LivestreamTotals([.. g]);
                return new JObject { ["date"] = g.Key, ["count"] = count, ["total_ingest_seconds"] = ingest, ["total_viewer_seconds"] = viewer };
            });
        return Ok(call.Route, new JArray(days));
    }

    private const string Host = "sandbox.realtimekit.invalid";

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
}
