using System.Globalization;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>Delivery bodies of every documented event, in the documented shapes, with fresh ids; for tests and the CLI.</summary>
public static class RealtimeKitSampleEvents
{
    /// <summary>A sample body for <paramref name="name"/>; for a name with no documented shape, just <c>{"event": name}</c>.</summary>
    /// <param name="name">The event.</param>
    /// <param name="now">The time the sample happens at; default now.</param>
    public static string Json(WebhookEvent name, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var meeting = Meeting(at);
        var body = new JObject { ["event"] = name.ToString() };
        switch (name.ToString())
        {
            case "meeting.started":
                body["meeting"] = meeting;
                break;
            case "meeting.ended":
                meeting["endedAt"] = Time(at);
                body["meeting"] = meeting;
                body["reason"] = "ALL_PARTICIPANTS_LEFT";
                break;
            case "meeting.participantJoined":
                body["meeting"] = meeting;
                body["participant"] = Participant(at, left: false);
                break;
            case "meeting.participantLeft":
                body["meeting"] = meeting;
                body["participant"] = Participant(at, left: true);
                break;
            case "meeting.chatSynced":
                body["meetingId"] = meeting["id"];
                body["sessionId"] = meeting["sessionId"];
                body["title"] = meeting["title"];
                body["createdAt"] = meeting["createdAt"];
                body["startedAt"] = meeting["startedAt"];
                body["endedAt"] = Time(at);
                body["organizedBy"] = meeting["organizedBy"];
                body["chatDownloadUrl"] = "https://storage.example.com/chat/" + Guid.NewGuid() + ".csv";
                body["chatDownloadUrlExpiry"] = Time(at.AddDays(7));
                break;
            case "recording.statusUpdate":
                var recordingId = Guid.NewGuid().ToString();
                body["recording"] = new JObject
                {
                    ["id"] = recordingId,
                    ["recordingId"] = recordingId,
                    ["status"] = "UPLOADED",
                    ["downloadUrl"] = "https://storage.example.com/recordings/" + recordingId + ".mp4",
                    ["audioDownloadUrl"] = "https://storage.example.com/recordings/" + recordingId + ".mp3",
                    ["downloadUrlExpiry"] = Time(at.AddDays(7)),
                    ["startedTime"] = Time(at.AddMinutes(-30)),
                    ["stoppedTime"] = Time(at.AddMinutes(-1)),
                    ["fileSize"] = "84215610",
                    ["outputFileName"] = recordingId + ".mp4",
                    ["meetingId"] = meeting["id"],
                    ["recordingDuration"] = 1740,
                    ["organizationId"] = Guid.NewGuid().ToString(),
                    ["roomUUID"] = Guid.NewGuid().ToString(),
                };
                body["meeting"] = meeting;
                break;
            case "livestreaming.statusUpdate":
                body["streamId"] = Guid.NewGuid().ToString();
                body["status"] = "LIVE";
                body["manualIngest"] = false;
                body["playbackUrl"] = "https://stream.example.com/play/" + Guid.NewGuid() + ".m3u8";
                body["ingestServer"] = "rtmps://live.example.com:443/live";
                body["streamKey"] = "sk_" + Guid.NewGuid().ToString("N");
                body["meeting"] = meeting;
                break;
            case "meeting.transcript":
                body["meeting"] = meeting;
                body["transcriptDownloadUrl"] = "https://storage.example.com/transcripts/" + Guid.NewGuid() + ".vtt";
                body["transcriptDownloadUrlExpiry"] = Time(at.AddDays(7));
                break;
            case "meeting.summary":
                body["meeting"] = new JObject { ["id"] = meeting["id"], ["sessionId"] = meeting["sessionId"], ["organizedBy"] = meeting["organizedBy"] };
                body["summaryDownloadUrl"] = "https://storage.example.com/summaries/" + Guid.NewGuid() + ".txt";
                body["summaryDownloadUrlExpiry"] = Time(at.AddDays(7));
                break;
        }

        return body.ToString(Newtonsoft.Json.Formatting.None);
    }

    private static JObject Meeting(DateTimeOffset at) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["sessionId"] = Guid.NewGuid().ToString(),
        ["title"] = "Weekly sync",
        ["roomName"] = "weekly-sync",
        ["status"] = "LIVE",
        ["createdAt"] = Time(at.AddHours(-1)),
        ["startedAt"] = Time(at.AddMinutes(-30)),
        ["organizedBy"] = new JObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Ada Lovelace" },
    };

    private static JObject Participant(DateTimeOffset at, bool left)
    {
        var participant = new JObject
        {
            ["peerId"] = Guid.NewGuid().ToString(),
            ["userDisplayName"] = "Grace Hopper",
            ["customParticipantId"] = "user-1815",
            ["joinedAt"] = Time(at.AddMinutes(-20)),
        };
        if (left)
        {
            participant["leftAt"] = Time(at);
        }

        return participant;
    }

    private static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
