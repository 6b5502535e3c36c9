using System.Text;

namespace RealtimeKit.Generated.Tests;

/// <summary>Each documented delivery payload read into its generated type, field by field.</summary>
public sealed class WebhookEventReaderTests
{
    private static RealtimeKitWebhookEvent Read(string json) => RealtimeKitWebhookEventReader.Read(Encoding.UTF8.GetBytes(json));

    private const string MeetingJson = """
        {"id":"9e2a2a43-a5b5-4d6e-9f44-6f3b1a1c8a10","sessionId":"4b1f1f4e-62c0-4f0e-a6a5-3e5f44b0ff36","title":"Weekly sync","roomName":"weekly-sync","status":"LIVE",
         "createdAt":"2026-11-23T08:00:00.000Z","startedAt":"2026-11-23T08:30:00.000Z","organizedBy":{"id":"org-1","name":"Ada Lovelace"}}
        """;

    [Fact]
    public void Every_documented_event_name_has_its_own_type()
    {
        Assert.Equal(
            WebhookEvent.KnownValues.Select(e => e.ToString()).Order(),
            RealtimeKitWebhookEventReader.KnownTypes.Keys.Order());
    }

    [Fact]
    public void Meeting_started()
    {
        var e = Assert.IsType<MeetingStartedEvent>(Read($$"""{"event":"meeting.started","meeting":{{MeetingJson}}}"""));

        Assert.Equal(WebhookEvent.MeetingStarted, e.Event);
        Assert.Equal("9e2a2a43-a5b5-4d6e-9f44-6f3b1a1c8a10", e.Meeting!.Id);
        Assert.Equal("4b1f1f4e-62c0-4f0e-a6a5-3e5f44b0ff36", e.Meeting.SessionId);
        Assert.Equal("Weekly sync", e.Meeting.Title);
        Assert.Equal("weekly-sync", e.Meeting.RoomName);
        Assert.Equal("LIVE", e.Meeting.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), e.Meeting.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), e.Meeting.StartedAt);
        Assert.Equal("Ada Lovelace", e.Meeting.OrganizedBy!.Name);
        Assert.Equal("org-1", e.Meeting.OrganizedBy.Id);
    }

    [Theory]
    [InlineData("HOST_ENDED_MEETING")]
    [InlineData("ALL_PARTICIPANTS_LEFT")]
    public void Meeting_ended_with_its_reason(string reason)
    {
        var e = Assert.IsType<MeetingEndedEvent>(Read($$"""{"event":"meeting.ended","meeting":{"id":"m","endedAt":"2026-11-23T09:00:00.000Z"},"reason":"{{reason}}"}"""));

        Assert.Equal(new MeetingEndReason(reason), e.Reason);
        Assert.True(e.Reason!.Value.IsKnown);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), e.Meeting!.EndedAt);
    }

    [Fact]
    public void Participant_joined_and_left()
    {
        var joined = Assert.IsType<MeetingParticipantJoinedEvent>(Read("""
            {"event":"meeting.participantJoined","meeting":{"id":"m"},
             "participant":{"peerId":"p-1","userDisplayName":"Grace","customParticipantId":"u-1","clientSpecificId":"u-1","joinedAt":"2026-11-23T08:31:00.000Z"}}
            """));
        Assert.Equal("p-1", joined.Participant!.PeerId);
        Assert.Equal("Grace", joined.Participant.UserDisplayName);
        Assert.Equal("u-1", joined.Participant.CustomParticipantId);
        Assert.Equal("u-1", joined.Participant.ClientSpecificId);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 31, 0, TimeSpan.Zero), joined.Participant.JoinedAt);

        var left = Assert.IsType<MeetingParticipantLeftEvent>(Read("""
            {"event":"meeting.participantLeft","meeting":{"id":"m","endedAt":"2026-11-23T09:00:00.000Z"},"participant":{"peerId":"p-1","leftAt":"2026-11-23T08:59:00.000Z"}}
            """));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero), left.Participant!.LeftAt);
        Assert.NotNull(left.Meeting!.EndedAt);
    }

    [Fact]
    public void Chat_synced_is_flat()
    {
        var e = Assert.IsType<MeetingChatSyncedEvent>(Read("""
            {"event":"meeting.chatSynced","meetingId":"m-1","sessionId":"s-1","title":"Weekly sync","createdAt":"2026-11-23T08:00:00.000Z",
             "startedAt":"2026-11-23T08:30:00.000Z","endedAt":"2026-11-23T09:00:00.000Z","organizedBy":{"id":"o","name":"Ada"},
             "chatDownloadUrl":"https://storage.example.com/chat.csv","chatDownloadUrlExpiry":"2026-11-30T09:00:00.000Z"}
            """));

        Assert.Equal("m-1", e.MeetingId);
        Assert.Equal("s-1", e.SessionId);
        Assert.Equal("Weekly sync", e.Title);
        Assert.Equal("Ada", e.OrganizedBy!.Name);
        Assert.Equal(new Uri("https://storage.example.com/chat.csv"), e.ChatDownloadUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), e.ChatDownloadUrlExpiry);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), e.EndedAt);
    }

    [Theory]
    [InlineData("\"84215610\"")]
    [InlineData("84215610")]
    public void Recording_status_update_reads_fileSize_as_string_or_number(string fileSize)
    {
        var e = Assert.IsType<RecordingStatusUpdateEvent>(Read($$$"""
            {"event":"recording.statusUpdate","recording":{"id":"r-1","recordingId":"r-1","status":"UPLOADED",
             "downloadUrl":"https://storage.example.com/r.mp4","audioDownloadUrl":"https://storage.example.com/r.mp3","downloadUrlExpiry":"2026-11-30T09:00:00.000Z",
             "startedTime":"2026-11-23T08:30:00.000Z","stoppedTime":"2026-11-23T09:00:00.000Z","fileSize":{{{fileSize}}},"outputFileName":"r.mp4",
             "meetingId":"m-1","recordingDuration":1740.5,"organizationId":"org","roomUUID":"room"},"meeting":{"id":"m-1"}}
            """));

        var recording = e.Recording!;
        Assert.Equal(RecordingStatus.Uploaded, recording.Status);
        Assert.Equal("84215610", recording.FileSize);
        Assert.Equal(84215610L, recording.FileSizeBytes);
        Assert.Equal(1740.5, recording.RecordingDuration);
        Assert.Equal(new Uri("https://storage.example.com/r.mp3"), recording.AudioDownloadUrl);
        Assert.Equal("r.mp4", recording.OutputFileName);
        Assert.Equal("room", recording.RoomUUID);
        Assert.Equal("m-1", e.Meeting!.Id);
    }

    [Fact]
    public void Livestreaming_status_update()
    {
        var e = Assert.IsType<LivestreamingStatusUpdateEvent>(Read("""
            {"event":"livestreaming.statusUpdate","streamId":"st-1","status":"OFFLINE","manualIngest":true,"playbackUrl":"https://stream.example.com/p.m3u8",
             "ingestServer":"rtmps://live.example.com:443/live","streamKey":"sk_1","meeting":{"id":"m-1"}}
            """));

        Assert.Equal(LivestreamStatus.Offline, e.Status);
        Assert.True(e.ManualIngest);
        Assert.Equal("rtmps", e.IngestServer!.Scheme);
        Assert.Equal("sk_1", e.StreamKey);
        Assert.Equal("st-1", e.StreamId);
    }

    [Fact]
    public void Transcript_and_summary()
    {
        var transcript = Assert.IsType<MeetingTranscriptEvent>(Read("""
            {"event":"meeting.transcript","meeting":{"id":"m-1"},"transcriptDownloadUrl":"https://s.example.com/t.vtt","transcriptDownloadUrlExpiry":"2026-11-30T09:00:00.000Z"}
            """));
        Assert.Equal(new Uri("https://s.example.com/t.vtt"), transcript.TranscriptDownloadUrl);

        var summary = Assert.IsType<MeetingSummaryEvent>(Read("""
            {"event":"meeting.summary","meeting":{"id":"m-1","sessionId":"s-1","organizedBy":{"id":"o","name":"Ada"}},"summaryDownloadUrl":"https://s.example.com/s.txt","summaryDownloadUrlExpiry":"2026-11-30T09:00:00.000Z"}
            """));
        Assert.Equal("s-1", summary.Meeting!.SessionId);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), summary.SummaryDownloadUrlExpiry);
    }

    [Fact]
    public void An_unknown_event_is_kept_raw_and_is_not_an_error()
    {
        var e = Assert.IsType<UnknownWebhookEvent>(Read("""{"event":"meeting.recapReady","recap":{"url":"https://e.com/r"},"n":1}"""));

        Assert.Equal("meeting.recapReady", e.Event.ToString());
        Assert.False(e.Event!.Value.IsKnown);
        Assert.Equal("https://e.com/r", (string?)e.Raw["recap"]!["url"]);
    }

    [Fact]
    public void Unknown_recording_and_livestream_statuses_are_read_and_kept()
    {
        var recording = Assert.IsType<RecordingStatusUpdateEvent>(Read("""{"event":"recording.statusUpdate","recording":{"id":"r","status":"TRANSCODING"}}"""));
        var livestream = Assert.IsType<LivestreamingStatusUpdateEvent>(Read("""{"event":"livestreaming.statusUpdate","status":"PAUSED","streamId":"s"}"""));

        Assert.Equal("TRANSCODING", recording.Recording!.Status.ToString());
        Assert.False(recording.Recording.Status!.Value.IsKnown);
        Assert.NotEqual(RecordingStatus.Recording, recording.Recording.Status);
        Assert.Equal("PAUSED", livestream.Status.ToString());
        Assert.False(livestream.Status!.Value.IsKnown);
        Assert.Equal("s", livestream.StreamId);
    }

    [Fact]
    public void New_fields_and_unknown_enum_values_are_tolerated()
    {
        var e = Assert.IsType<MeetingEndedEvent>(Read("""{"event":"meeting.ended","reason":"KICKED_BY_BOT","brandNew":{"x":1},"meeting":{"id":"m","extra":true}}"""));

        Assert.Equal("KICKED_BY_BOT", e.Reason.ToString());
        Assert.False(e.Reason!.Value.IsKnown);
    }

    [Theory]
    [InlineData("[]", "The delivery body is not a JSON object.")]
    [InlineData("{\"meeting\":{}}", "The delivery body has no \"event\" name.")]
    [InlineData("{\"event\":42}", "The delivery body has no \"event\" name.")]
    [InlineData("{\"event\":\"\"}", "The delivery body has no \"event\" name.")]
    [InlineData("{\"event\":\"meeting.started\"", "The delivery body is not valid JSON: ")]
    [InlineData("{\"event\":\"meeting.started\"} {}", "The delivery body is not valid JSON: ")]
    [InlineData("{\"event\":\"meeting.started\"} /* and more */", "The delivery body has content after its JSON object.")]
    public void Bodies_that_are_not_deliveries_are_UnreadableBody_saying_why(string json, string message)
    {
        var error = Assert.Throws<RealtimeKitWebhookException>(() => Read(json));

        Assert.Equal(RealtimeKitWebhookFailure.UnreadableBody, error.Failure);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_event_keeps_its_body_as_it_arrived_dates_included()
    {
        var e = Assert.IsType<UnknownWebhookEvent>(Read("{\"event\":\"meeting.brandNew\",\"when\":\"2026-11-23T08:00:00.000+01:00\"}"));

        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.String, e.Raw["when"]!.Type);
        Assert.Equal("2026-11-23T08:00:00.000+01:00", (string?)e.Raw["when"]);
        Assert.Equal("raw", Assert.Throws<ArgumentNullException>(() => new UnknownWebhookEvent(null!)).ParamName);
    }

    [Fact]
    public void An_optional_field_of_a_delivery_that_cannot_be_read_is_kept_as_it_arrived_and_the_rest_is_read()
    {
        var e = Assert.IsType<MeetingStartedEvent>(Read("""{"event":"meeting.started","meeting":{"id":"m-1","title":{"text":"Weekly"},"startedAt":"yesterday","createdAt":"2026-11-23T08:00:00.000Z"}}"""));

        Assert.Equal("m-1", e.Meeting!.Id);
        Assert.Null(e.Meeting.StartedAt);
        Assert.Null(e.Meeting.Title);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), e.Meeting.CreatedAt);
        Assert.Equal("yesterday", (string?)e.Meeting.AdditionalProperties!["startedAt"]);
        Assert.Equal("Weekly", (string?)e.Meeting.AdditionalProperties["title"]!["text"]);
    }
}
