using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// Plays a meeting's life over the sandbox's state and writes each event's delivery body in the
/// documented shape, with the ids of what it recorded: the meeting, the session, its
/// participants (peer ids) and the recording.
/// </summary>
internal sealed class SandboxSimulator(SandboxOperations api, string account, string app, DateTimeOffset now)
{
    public sealed record Played(string SessionId, Guid RecordingId, List<string> Names, List<string> Bodies);

    public Played Play(Guid meetingId, List<RealtimeKitSandboxSessionParticipant>? participants)
    {
        var meeting = api.Store.Get(SandboxResourceStore.Of(account, app, "meetings"), meetingId.ToString("D"))
            ?? throw new ArgumentException($"The sandbox has no meeting {meetingId} in account {account}, app {app}.", nameof(meetingId));
        participants ??=
        [
            new("host@example.com", "Ada Lovelace", "group_call_host", now, now.AddMinutes(30)),
            new("guest@example.com", "Grace Hopper", "group_call_participant", now.AddMinutes(1), now.AddMinutes(28)),
        ];
        if (participants.Count == 0)
        {
            throw new ArgumentException("A simulated meeting needs at least one participant.", nameof(participants));
        }

        var startedAt = participants.Min(p => p.JoinedAt);
        var endedAt = participants.Max(p => p.LeftAt ?? p.JoinedAt);
        endedAt = endedAt > startedAt ? endedAt : startedAt.AddMinutes(30);
        var played = new Played(string.Empty, Guid.Empty, [], []);

        var session = api.AddSession(account, app, meetingId.ToString("D"), startedAt, null, []);
        var sessionId = (string)session["id"]!;
        var events = new SandboxMeetingEvents(meeting, sessionId, startedAt, SandboxMeetingEvents.Organizer(participants[0].DisplayName));
        void Add(SandboxEvent next)
        {
            played.Names.Add(next.Name);
            played.Bodies.Add(next.Body);
        }

        Add(events.Started());
        var recording = api.Store.Add(SandboxResourceStore.Of(account, app, "recordings"), api.NewRecording(account, app, meeting, null));
        var recordingId = (string)recording["id"]!;
        api.Store.Update(SandboxResourceStore.Of(account, app, "recordings"), recordingId, r =>
        {
            r["invoked_time"] = SandboxJson.Timestamp(startedAt);
            r["started_time"] = SandboxJson.Timestamp(startedAt);
            r["session_id"] = sessionId;
        });

        var moments = participants.Select((p, i) => (At: p.JoinedAt, Join: true, Index: i))
            .Concat(participants.Select((p, i) => (At: p.LeftAt ?? endedAt, Join: false, Index: i)))
            .OrderBy(m => m.At).ThenBy(m => m.Join ? 0 : 1).ToList();
        var peers = new string[participants.Count];
        foreach (var moment in moments)
        {
            var participant = participants[moment.Index];
            var peer = moment.Join
                ? api.Join(account, app, sessionId, participant with { LeftAt = null })
                : api.Leave(account, app, sessionId, peers[moment.Index], moment.At)!;
            peers[moment.Index] = (string)peer["id"]!;
            Add(events.Participant(peer));
        }

        api.End(account, app, sessionId, endedAt, summary: true);
        Add(events.Ended(endedAt, "ALL_PARTICIPANTS_LEFT"));

        var uploaded = api.Store.Update(SandboxResourceStore.Of(account, app, "recordings"), recordingId, r =>
        {
            api.Control(r, "stop");
            var seconds = (long)(endedAt - startedAt).TotalSeconds;
            r["stopped_time"] = SandboxJson.Timestamp(endedAt);
            r["recording_duration"] = seconds;
            r["file_size"] = 48_000 * Math.Max(1, seconds);
            r["stop_reason"] = new JObject { ["reason"] = "ALL_PEERS_LEFT" };
        })!;
        Add(SandboxMeetingEvents.Body("recording.statusUpdate", new JObject
        {
            ["recording"] = new JObject
            {
                ["id"] = recordingId,
                ["recordingId"] = recordingId,
                ["status"] = uploaded["status"],
                ["downloadUrl"] = uploaded["download_url"],
                ["audioDownloadUrl"] = uploaded["audio_download_url"],
                ["downloadUrlExpiry"] = uploaded["download_url_expiry"],
                ["startedTime"] = uploaded["started_time"],
                ["stoppedTime"] = uploaded["stopped_time"],
                ["fileSize"] = ((long)uploaded["file_size"]!).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["outputFileName"] = uploaded["output_file_name"],
                ["meetingId"] = meeting["id"],
                ["recordingDuration"] = uploaded["recording_duration"],
                ["organizationId"] = account,
                ["roomUUID"] = sessionId,
            },
            ["meeting"] = events.Meeting("ENDED", endedAt),
        }));

        var ended = api.Store.Get(SandboxResourceStore.Of(account, app, "sessions"), sessionId)!;
        Add(SandboxMeetingEvents.Body("meeting.transcript", new JObject
        {
            ["meeting"] = events.Meeting("ENDED", endedAt),
            ["transcriptDownloadUrl"] = ended["_transcript"]!["transcript_download_url"],
            ["transcriptDownloadUrlExpiry"] = ended["_transcript"]!["transcript_download_url_expiry"],
        }));
        Add(SandboxMeetingEvents.Body("meeting.summary", new JObject
        {
            ["meeting"] = events.MeetingIdentity(),
            ["summaryDownloadUrl"] = ended["_summary"]!["summaryDownloadUrl"],
            ["summaryDownloadUrlExpiry"] = ended["_summary"]!["summaryDownloadUrlExpiry"],
        }));

        return played with { SessionId = sessionId, RecordingId = Guid.Parse(recordingId) };
    }
}
