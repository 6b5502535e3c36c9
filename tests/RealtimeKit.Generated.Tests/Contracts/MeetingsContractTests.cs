using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>IMeetingsClient (the participants of a meeting) against WireMock: the request on the wire and the model read back from the document's example.</summary>
public sealed class MeetingsContractTests : ContractTestBase
{
    private const string Participants = MeetingPath + "/participants";
    private const string Participant = Participants + "/" + ParticipantId;

    [Fact]
    [ContractFor("listParticipants")]
    public async Task ListParticipantsAsync_sends_the_page_and_reads_the_participants_without_tokens()
    {
        var example = Answer("listParticipants", "GET", Participants);

        var result = await Client.Meetings.ListParticipantsAsync(Account, App, MeetingId, pageNo: 2, perPage: 20);

        AssertSent("GET", Participants, jsonBody: null, query: "page_no=2&per_page=20");
        Wire.AssertModelMatchesExample(example, result);
        var participant = Assert.Single(result.Data);
        Assert.Equal(Guid.Parse(ParticipantId), participant.Id);
        Assert.Equal("ana@example.com", participant.CustomParticipantId);
        Assert.Equal(1, result.Paging.TotalCount);
    }

    [Fact]
    [ContractFor("getParticipant")]
    public async Task GetParticipantAsync_sends_GET_with_both_ids_and_reads_the_participant()
    {
        var example = Answer("getParticipant", "GET", Participant);

        var result = await Client.Meetings.GetParticipantAsync(Account, App, MeetingId, ParticipantId);

        AssertSent("GET", Participant, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(Guid.Parse(ParticipantId), result.Data.Id);
        Assert.Equal("group_call_host", result.Data.PresetName);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 31, 12, TimeSpan.Zero), result.Data.CreatedAt);
    }

    [Fact]
    [ContractFor("editParticipant")]
    public async Task EditParticipantAsync_sends_PATCH_with_exactly_the_fields_set()
    {
        var example = Answer("editParticipant", "PATCH", Participant);

        var result = await Client.Meetings.EditParticipantAsync(Account, App, MeetingId, ParticipantId, new EditParticipantRequest { PresetName = "webinar_viewer" });

        const string sent = "{\"preset_name\":\"webinar_viewer\"}";
        AssertSent("PATCH", Participant, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("editParticipant"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(Guid.Parse(ParticipantId), result.Data!.Id);
        Assert.StartsWith("eyJ", result.Data.Token, StringComparison.Ordinal);
    }

    [Fact]
    [ContractFor("replaceParticipant")]
    public async Task ReplaceParticipantAsync_sends_PUT_with_every_field_set()
    {
        var example = Answer("replaceParticipant", "PUT", Participant);

        var result = await Client.Meetings.ReplaceParticipantAsync(Account, App, MeetingId, ParticipantId,
            new ReplaceParticipantRequest { CustomParticipantId = "ana@example.com", PresetName = "group_call_host", Name = "Ana Lima" });

        const string sent = "{\"custom_participant_id\":\"ana@example.com\",\"preset_name\":\"group_call_host\",\"name\":\"Ana Lima\"}";
        AssertSent("PUT", Participant, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("replaceParticipant"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(Guid.Parse(ParticipantId), result.Data!.Id);
        Assert.StartsWith("eyJ", result.Data.Token, StringComparison.Ordinal);
    }

    [Fact]
    [ContractFor("deleteParticipant")]
    public async Task DeleteParticipantAsync_sends_DELETE_without_a_body_and_reads_the_removed_participant()
    {
        var example = Answer("deleteParticipant", "DELETE", Participant);

        var result = await Client.Meetings.DeleteParticipantAsync(Account, App, MeetingId, ParticipantId);

        AssertSent("DELETE", Participant, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal("ana@example.com", result.Data!.CustomParticipantId);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 2, 45, TimeSpan.Zero), result.Data.UpdatedAt);
    }

    [Fact]
    [ContractFor("createMeeting")]
    public async Task CreateMeetingAsync_sends_only_the_fields_set_and_reads_201()
    {
        var example = Answer("createMeeting", "POST", AppPath + "/meetings");

        var result = await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest
        {
            Title = "Weekly sync",
            PersistChat = true,
            SummarizeOnEnd = true,
            TranscribeOnEnd = true,
        });

        const string sent = "{\"title\":\"Weekly sync\",\"persist_chat\":true,\"summarize_on_end\":true,\"transcribe_on_end\":true}";
        Wire.AssertRequest(Api.SingleRequest(), "POST", AppPath + "/meetings", Api.Token, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("createMeeting"), sent);
        Wire.AssertModelMatchesExample(example, result);
        AssertExampleMeeting(result.Data!);
    }

    [Fact]
    public async Task CreateMeetingAsync_with_nothing_set_sends_an_empty_object()
    {
        Answer("createMeeting", "POST", AppPath + "/meetings");

        await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest());

        Wire.AssertRequest(Api.SingleRequest(), "POST", AppPath + "/meetings", Api.Token, "{}");
    }

    [Fact]
    [ContractFor("getMeeting")]
    public async Task GetMeetingAsync_sends_the_meeting_id_as_a_UUID_and_no_query_unless_asked()
    {
        var example = Answer("getMeeting", "GET", MeetingPath);

        var result = await Client.Meetings.GetMeetingAsync(Account, App, MeetingId);
        await Client.Meetings.GetMeetingAsync(Account, App, MeetingId, name: "Ana & co");

        Wire.AssertRequest(Api.Requests[0], "GET", MeetingPath, Api.Token, jsonBody: null);
        Wire.AssertRequest(Api.Requests[1], "GET", MeetingPath, Api.Token, jsonBody: null, query: "name=Ana%20%26%20co");
        Wire.AssertModelMatchesExample(example, result);
        AssertExampleMeeting(result.Data!);
    }

    [Fact]
    [ContractFor("updateMeeting")]
    public async Task UpdateMeetingAsync_sends_PATCH_with_exactly_the_fields_set()
    {
        var example = Answer("updateMeeting", "PATCH", MeetingPath);

        var result = await Client.Meetings.UpdateMeetingAsync(Account, App, MeetingId, new UpdateMeetingRequest { Title = "Weekly sync (moved)", Status = MeetingStatus.Inactive });

        const string sent = "{\"title\":\"Weekly sync (moved)\",\"status\":\"INACTIVE\"}";
        Wire.AssertRequest(Api.SingleRequest(), "PATCH", MeetingPath, Api.Token, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("updateMeeting"), sent);
        Wire.AssertModelMatchesExample(example, result);
    }

    [Fact]
    [ContractFor("replaceMeeting")]
    public async Task ReplaceMeetingAsync_sends_PUT_with_the_nested_recording_and_AI_settings()
    {
        var example = Answer("replaceMeeting", "PUT", MeetingPath);
        var request = new ReplaceMeetingRequest
        {
            Title = "Weekly sync",
            RecordOnStart = false,
            SessionKeepAliveTimeInSecs = 120,
            RecordingConfig = new RecordingConfig
            {
                FileNamePrefix = "weekly-sync",
                VideoConfig = new VideoConfig { Codec = VideoCodec.Vp9, Width = 1280, Height = 720 },
                LiveStreamingConfig = new LivestreamingConfig { RtmpUrl = new Uri("rtmp://a.rtmp.youtube.com/live2") },
                StorageConfig = new StorageConfig { Type = StorageType.Gcs, Bucket = "acme-recordings" },
            },
            AiConfig = new AiConfig { Transcription = new TranscriptionConfig { Language = TranscriptionLanguage.EnglishIndia, Keywords = ["RealtimeKit"] } },
        };

        var result = await Client.Meetings.ReplaceMeetingAsync(Account, App, MeetingId, request);

        Wire.AssertRequest(Api.SingleRequest(), "PUT", MeetingPath, Api.Token,
            "{\"title\":\"Weekly sync\",\"record_on_start\":false,\"session_keep_alive_time_in_secs\":120.0," +
            "\"recording_config\":{\"video_config\":{\"codec\":\"VP9\",\"width\":1280,\"height\":720},\"file_name_prefix\":\"weekly-sync\"," +
            "\"live_streaming_config\":{\"rtmp_url\":\"rtmp://a.rtmp.youtube.com/live2\"},\"storage_config\":{\"type\":\"gcs\",\"bucket\":\"acme-recordings\"}}," +
            "\"ai_config\":{\"transcription\":{\"keywords\":[\"RealtimeKit\"],\"language\":\"en-IN\"}}}");
        Wire.AssertModelMatchesExample(example, result);
    }

    [Fact]
    [ContractFor("listMeetings")]
    public async Task ListMeetingsAsync_sends_dates_in_ISO_8601_round_trip_form_and_the_status_by_its_wire_value()
    {
        var example = Answer("listMeetings", "GET", AppPath + "/meetings");

        var result = await Client.Meetings.ListMeetingsAsync(Account, App, pageNo: 1, perPage: 25, search: "sync",
            startTime: new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), endTime: new DateTimeOffset(2025, 3, 31, 23, 59, 59, TimeSpan.FromHours(1)), status: MeetingStatus.Active);

        Wire.AssertRequest(Api.SingleRequest(), "GET", AppPath + "/meetings", Api.Token, jsonBody: null,
            query: "page_no=1&per_page=25&search=sync&start_time=2025-03-01T00%3A00%3A00.0000000%2B00%3A00&end_time=2025-03-31T23%3A59%3A59.0000000%2B01%3A00&status=ACTIVE");
        Wire.AssertModelMatchesExample(example, result);
        var meeting = Assert.Single(result.Data);
        Assert.Equal(MeetingId, meeting.Id);
        Assert.Null(meeting.AiConfig);
        Assert.Equal(new Paging { TotalCount = 1, StartOffset = 1, EndOffset = 1 }.TotalCount, result.Paging.TotalCount);
    }

    [Fact]
    [ContractFor("addParticipant")]
    public async Task AddParticipantAsync_sends_POST_and_reads_the_participant_with_its_token()
    {
        var example = Answer("addParticipant", "POST", MeetingPath + "/participants");

        var result = await Client.Meetings.AddParticipantAsync(Account, App, MeetingId, new AddParticipantRequest
        {
            CustomParticipantId = "ana@example.com",
            PresetName = "group_call_host",
            Name = "Ana Lima",
            Picture = "https://example.com/people/ana.png",
        });

        const string sent = "{\"custom_participant_id\":\"ana@example.com\",\"preset_name\":\"group_call_host\",\"name\":\"Ana Lima\",\"picture\":\"https://example.com/people/ana.png\"}";
        Wire.AssertRequest(Api.SingleRequest(), "POST", MeetingPath + "/participants", Api.Token, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("addParticipant"), sent);
        Wire.AssertModelMatchesExample(example, result);
        var participant = result.Data!;
        Assert.Equal(Guid.Parse(ParticipantId), participant.Id);
        Assert.StartsWith("eyJ", participant.Token, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://example.com/people/ana.png"), participant.Picture);
    }

    [Fact]
    public async Task AddParticipantAsync_refuses_a_body_without_its_required_fields_before_sending()
    {
        var error = await Assert.ThrowsAsync<RealtimeKitValidationException>(() =>
            Client.Meetings.AddParticipantAsync(Account, App, MeetingId, new AddParticipantRequest { CustomParticipantId = "ana@example.com" }));

        Assert.Equal("preset_name", error.Field);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    [ContractFor("refreshParticipantToken")]
    public async Task RefreshParticipantTokenAsync_sends_POST_without_a_body()
    {
        const string path = MeetingPath + "/participants/" + ParticipantId + "/token";
        var example = Answer("refreshParticipantToken", "POST", path);

        var result = await Client.Meetings.RefreshParticipantTokenAsync(Account, App, MeetingId, ParticipantId);

        Wire.AssertRequest(Api.SingleRequest(), "POST", path, Api.Token, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.StartsWith("eyJ", result.Data.Token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_ids_that_are_strings_are_escaped_and_Guid_ids_are_refused_when_empty()
    {
        Api.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody(DocumentExamples.SuccessBody("getParticipant")));

        await Client.Meetings.GetParticipantAsync(Account, App, MeetingId, "a b#c?");
        await Assert.ThrowsAsync<ArgumentException>(() => Client.Meetings.GetMeetingAsync(Account, App, Guid.Empty));

        Assert.Equal(MeetingPath + "/participants/a%20b%23c%3F", new Uri(Api.SingleRequest().RequestMessage.AbsoluteUrl).AbsolutePath);
    }

    private static void AssertExampleMeeting(MeetingDetails meeting)
    {
        Assert.Equal(MeetingId, meeting.Id);
        Assert.Equal("Weekly sync", meeting.Title);
        Assert.Equal(MeetingStatus.Active, meeting.Status);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 30, 0, TimeSpan.Zero), meeting.CreatedAt);
        Assert.Equal(AudioCodec.Aac, meeting.RecordingConfig!.AudioConfig!.Codec);
        Assert.Equal(WatermarkPosition.RightBottom, meeting.RecordingConfig.VideoConfig!.Watermark!.Position);
        Assert.Equal(new Uri("rtmp://a.rtmp.youtube.com/live2"), meeting.RecordingConfig.LiveStreamingConfig!.RtmpUrl);
        Assert.Equal(SummaryType.TeamMeeting, meeting.AiConfig!.Summarization!.SummaryType);
    }
}
