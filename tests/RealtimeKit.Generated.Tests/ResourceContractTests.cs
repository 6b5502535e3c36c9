using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The resource clients against WireMock: the exact request on the wire (method, path under
/// /client/v4, query string, headers, JSON body to the byte) and the exact model read back from
/// the document's own example answer of each operation, at its documented status.
/// </summary>
public sealed class ResourceContractTests : IDisposable
{
    private const string Account = SpecExamples.AccountId;
    private const string App = SpecExamples.AppId;
    private const string Kit = "/client/v4/accounts/" + Account + "/realtime/kit";
    private const string AppPath = Kit + "/" + App;
    private static readonly Guid _meetingId = Guid.Parse("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
    private const string MeetingPath = AppPath + "/meetings/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    private const string ParticipantId = "aa70173a-a323-4ab5-833a-e78ef9ccc11e";

    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private IRealtimeKitClient Client => _api.Get<IRealtimeKitClient>();

    /// <summary>Answers the operation with the document's example at the documented status; returns the example.</summary>
    private string Answer(string operationId, string method, string path)
    {
        var body = DocumentExamples.SuccessBody(operationId);
        _api.Server
            .Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(DocumentExamples.SuccessStatus(operationId)).WithHeader("Content-Type", "application/json").WithBody(body));
        return body;
    }

    // ---------------------------------------------------------------------------------- Apps

    [Fact]
    [ContractFor("listApps")]
    public async Task ListAppsAsync_sends_its_query_parameters_and_reads_the_page()
    {
        var example = Answer("listApps", "GET", Kit + "/apps");

        var result = await Client.Apps.ListAppsAsync(Account, pageNo: 2, perPage: 10, search: "my first", sortOrder: SortOrder.Descending);

        Wire.AssertRequest(_api.SingleRequest(), "GET", Kit + "/apps", _api.Token, jsonBody: null, query: "page_no=2&per_page=10&search=my%20first&sort_order=DESC");
        Wire.AssertModelMatchesExample(example, result);
        var app = Assert.Single(result.Data!);
        Assert.Equal("my-app-id", app.Id);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 8, 16, 40, 644, TimeSpan.Zero), app.CreatedAt);
        Assert.Equal(1, result.Paging!.TotalCount);
    }

    [Fact]
    public async Task ListAppsAsync_leaves_out_every_parameter_not_given()
    {
        Answer("listApps", "GET", Kit + "/apps");

        await Client.Apps.ListAppsAsync(Account);

        Wire.AssertRequest(_api.SingleRequest(), "GET", Kit + "/apps", _api.Token, jsonBody: null, query: null);
    }

    [Fact]
    [ContractFor("createApp")]
    public async Task CreateAppAsync_sends_POST_with_the_name_and_reads_the_app_inside_data_app()
    {
        var example = Answer("createApp", "POST", Kit + "/apps");

        var result = await Client.Apps.CreateAppAsync(Account, new CreateAppRequest { Name = "my-first-app" });

        Wire.AssertRequest(_api.SingleRequest(), "POST", Kit + "/apps", _api.Token, "{\"name\":\"my-first-app\"}");
        Wire.AssertSameJson(DocumentExamples.RequestBody("createApp"), "{\"name\":\"my-first-app\"}");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(App, result.Data!.App!.Id);
    }

    // ------------------------------------------------------------------------------ Meetings

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
        Wire.AssertRequest(_api.SingleRequest(), "POST", AppPath + "/meetings", _api.Token, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("createMeeting"), sent);
        Wire.AssertModelMatchesExample(example, result);
        AssertExampleMeeting(result.Data!);
    }

    [Fact]
    public async Task CreateMeetingAsync_with_nothing_set_sends_an_empty_object()
    {
        Answer("createMeeting", "POST", AppPath + "/meetings");

        await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest());

        Wire.AssertRequest(_api.SingleRequest(), "POST", AppPath + "/meetings", _api.Token, "{}");
    }

    [Fact]
    [ContractFor("getMeeting")]
    public async Task GetMeetingAsync_sends_the_meeting_id_as_a_UUID_and_no_query_unless_asked()
    {
        var example = Answer("getMeeting", "GET", MeetingPath);

        var result = await Client.Meetings.GetMeetingAsync(Account, App, _meetingId);
        await Client.Meetings.GetMeetingAsync(Account, App, _meetingId, name: "Ana & co");

        Wire.AssertRequest(_api.Requests[0], "GET", MeetingPath, _api.Token, jsonBody: null);
        Wire.AssertRequest(_api.Requests[1], "GET", MeetingPath, _api.Token, jsonBody: null, query: "name=Ana%20%26%20co");
        Wire.AssertModelMatchesExample(example, result);
        AssertExampleMeeting(result.Data!);
    }

    [Fact]
    [ContractFor("updateMeeting")]
    public async Task UpdateMeetingAsync_sends_PATCH_with_exactly_the_fields_set()
    {
        var example = Answer("updateMeeting", "PATCH", MeetingPath);

        var result = await Client.Meetings.UpdateMeetingAsync(Account, App, _meetingId, new UpdateMeetingRequest { Title = "Weekly sync (moved)", Status = MeetingStatus.Inactive });

        const string sent = "{\"title\":\"Weekly sync (moved)\",\"status\":\"INACTIVE\"}";
        Wire.AssertRequest(_api.SingleRequest(), "PATCH", MeetingPath, _api.Token, sent);
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

        var result = await Client.Meetings.ReplaceMeetingAsync(Account, App, _meetingId, request);

        Wire.AssertRequest(_api.SingleRequest(), "PUT", MeetingPath, _api.Token,
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

        Wire.AssertRequest(_api.SingleRequest(), "GET", AppPath + "/meetings", _api.Token, jsonBody: null,
            query: "page_no=1&per_page=25&search=sync&start_time=2025-03-01T00%3A00%3A00.0000000%2B00%3A00&end_time=2025-03-31T23%3A59%3A59.0000000%2B01%3A00&status=ACTIVE");
        Wire.AssertModelMatchesExample(example, result);
        var meeting = Assert.Single(result.Data);
        Assert.Equal(_meetingId, meeting.Id);
        Assert.Null(meeting.AiConfig);
        Assert.Equal(new Paging { TotalCount = 1, StartOffset = 1, EndOffset = 1 }.TotalCount, result.Paging.TotalCount);
    }

    [Fact]
    [ContractFor("addParticipant")]
    public async Task AddParticipantAsync_sends_POST_and_reads_the_participant_with_its_token()
    {
        var example = Answer("addParticipant", "POST", MeetingPath + "/participants");

        var result = await Client.Meetings.AddParticipantAsync(Account, App, _meetingId, new AddParticipantRequest
        {
            CustomParticipantId = "ana@example.com",
            PresetName = "group_call_host",
            Name = "Ana Lima",
            Picture = "https://example.com/people/ana.png",
        });

        const string sent = "{\"custom_participant_id\":\"ana@example.com\",\"preset_name\":\"group_call_host\",\"name\":\"Ana Lima\",\"picture\":\"https://example.com/people/ana.png\"}";
        Wire.AssertRequest(_api.SingleRequest(), "POST", MeetingPath + "/participants", _api.Token, sent);
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
            Client.Meetings.AddParticipantAsync(Account, App, _meetingId, new AddParticipantRequest { CustomParticipantId = "ana@example.com" }));

        Assert.Equal("preset_name", error.Field);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    [ContractFor("refreshParticipantToken")]
    public async Task RefreshParticipantTokenAsync_sends_POST_without_a_body()
    {
        const string path = MeetingPath + "/participants/" + ParticipantId + "/token";
        var example = Answer("refreshParticipantToken", "POST", path);

        var result = await Client.Meetings.RefreshParticipantTokenAsync(Account, App, _meetingId, ParticipantId);

        Wire.AssertRequest(_api.SingleRequest(), "POST", path, _api.Token, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.StartsWith("eyJ", result.Data.Token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_ids_that_are_strings_are_escaped_and_Guid_ids_are_refused_when_empty()
    {
        _api.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody(DocumentExamples.SuccessBody("getParticipant")));

        await Client.Meetings.GetParticipantAsync(Account, App, _meetingId, "a b#c?");
        await Assert.ThrowsAsync<ArgumentException>(() => Client.Meetings.GetMeetingAsync(Account, App, Guid.Empty));

        Assert.Equal(MeetingPath + "/participants/a%20b%23c%3F", new Uri(_api.SingleRequest().RequestMessage.AbsoluteUrl).AbsolutePath);
    }

    // ------------------------------------------------------------------------------- Presets

    [Fact]
    [ContractFor("createPreset")]
    public async Task CreatePresetAsync_sends_the_whole_preset_tree_and_reads_201()
    {
        var example = Answer("createPreset", "POST", AppPath + "/presets");
        var data = (Newtonsoft.Json.Linq.JObject)Wire.Json(example)["data"]!;
        var body = RealtimeKitJson.Deserialize<Preset>(data.ToString())!;

        var result = await Client.Presets.CreatePresetAsync(Account, App, body);

        var request = _api.SingleRequest();
        Wire.AssertRequest(request, "POST", AppPath + "/presets", _api.Token, request.RequestMessage.Body);
        var sent = Wire.Json(request.RequestMessage.Body!);
        data.Remove("id");
        data.Remove("created_at");
        data.Remove("updated_at");
        Wire.AssertSameJson(data.ToString(), sent.ToString());
        Assert.Equal("#222222", (string?)sent["ui"]!["design_tokens"]!["colors"]!["background"]!["600"]);
        Wire.AssertModelMatchesExample(example, result);
        var preset = result.Data;
        Assert.Equal(Guid.Parse("b60cadcb-6c9e-45fd-b79a-61f1b9640d6a"), preset.Id);
        Assert.Equal(PresetViewType.GroupCall, preset.Config.ViewType);
        Assert.Equal("#d37c30", preset.Ui.DesignTokens.Colors.Brand.Shade600);
        Assert.Equal(PluginAccessControl.FullAccess, preset.Permissions.Plugins.Config["c60d0f5c-ee1b-4088-bb93-4eed8407ea67"].AccessControl);
    }

    [Fact]
    [ContractFor("listPresets")]
    public async Task ListPresetsAsync_sends_its_query_parameters()
    {
        var example = Answer("listPresets", "GET", AppPath + "/presets");

        var result = await Client.Presets.ListPresetsAsync(Account, App, perPage: 50, search: "host");

        Wire.AssertRequest(_api.SingleRequest(), "GET", AppPath + "/presets", _api.Token, jsonBody: null, query: "per_page=50&search=host");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(2, result.Data.Count);
    }

    // ------------------------------------------------------------------------------ Sessions

    [Fact]
    [ContractFor("listSessions")]
    public async Task ListSessionsAsync_sends_enums_by_their_wire_values_and_reads_data_sessions()
    {
        var example = Answer("listSessions", "GET", AppPath + "/sessions");

        var result = await Client.Sessions.ListSessionsAsync(Account, App, sortBy: SessionSortBy.MinutesConsumed, sortOrder: SortOrder.Ascending,
            status: SessionStatus.Ended, associatedId: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

        Wire.AssertRequest(_api.SingleRequest(), "GET", AppPath + "/sessions", _api.Token, jsonBody: null,
            query: "sort_by=minutesConsumed&sort_order=ASC&status=ENDED&associated_id=182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
        Wire.AssertModelMatchesExample(example, result);
        var session = Assert.Single(result.Data!.Sessions!);
        Assert.Equal(SessionType.Meeting, session.Type);
        Assert.Equal(118.5, session.MinutesConsumed);
    }

    [Fact]
    [ContractFor("getPeerReport")]
    public async Task GetPeerReportAsync_sends_one_filter_as_published_and_reads_the_report()
    {
        const string path = AppPath + "/sessions/peer-report/e8b48a9f-ec7a-4c2d-b910-9bf9378ac0ce";
        var example = Answer("getPeerReport", "GET", path);

        var result = await Client.Sessions.GetPeerReportAsync(Account, App, "e8b48a9f-ec7a-4c2d-b910-9bf9378ac0ce",
            filters: PeerReportFilter.QualityStats, includePeerEvents: true);

        Wire.AssertRequest(_api.SingleRequest(), "GET", path, _api.Token, jsonBody: null, query: "filters=quality_stats&include_peer_events=true");
        Wire.AssertModelMatchesExample(example, result);
        var quality = result.Data!.Participant!.PeerReport!.Quality!;
        Assert.Equal(0.02, quality.AudioProducerCumulative!.Rtt!.EventFraction100MsOrGreater);
        Assert.Equal(0.01, quality.AudioProducerCumulative.PacketLoss!.EventFraction5OrGreater);
    }

    // ---------------------------------------------------------------------------- Recordings

    [Fact]
    [ContractFor("listRecordings")]
    public async Task ListRecordingsAsync_sends_the_status_array_comma_separated_and_booleans_in_lowercase()
    {
        var example = Answer("listRecordings", "GET", AppPath + "/recordings");

        var result = await Client.Recordings.ListRecordingsAsync(Account, App, sortBy: RecordingSortBy.InvokedTime,
            status: [RecordingStatus.Uploaded, RecordingStatus.Errored], meetingId: _meetingId, expired: false);

        Wire.AssertRequest(_api.SingleRequest(), "GET", AppPath + "/recordings", _api.Token, jsonBody: null,
            query: "sort_by=invokedTime&status=UPLOADED,ERRORED&meeting_id=182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e&expired=false");
        Wire.AssertModelMatchesExample(example, result);
        var recording = Assert.Single(result.Data);
        Assert.Equal(RecordingStatus.Uploaded, recording.Status);
        Assert.Equal(52428800, recording.FileSize);
        Assert.Equal(_meetingId, recording.Meeting!.Id);
    }

    [Fact]
    [ContractFor("startRecording")]
    public async Task StartRecordingAsync_sends_the_meeting_id_and_reads_the_recording_details()
    {
        var example = Answer("startRecording", "POST", AppPath + "/recordings");

        var result = await Client.Recordings.StartRecordingAsync(Account, App, new StartRecordingRequest
        {
            MeetingId = Guid.Parse("97440c6a-140b-40a9-9499-b23fd7a3868a"),
            MaxSeconds = 60,
            VideoConfig = new VideoConfig { Width = 1280, Height = 720 },
        });

        const string sent = "{\"meeting_id\":\"97440c6a-140b-40a9-9499-b23fd7a3868a\",\"video_config\":{\"width\":1280,\"height\":720},\"max_seconds\":60}";
        Wire.AssertRequest(_api.SingleRequest(), "POST", AppPath + "/recordings", _api.Token, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("startRecording"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(RecordingStartReasonKind.ApiCall, result.Data!.StartReason!.Reason);
        Assert.Equal(StorageType.Aws, result.Data.StorageConfig!.Type);
    }

    // --------------------------------------------------------------------------- Livestreams

    [Fact]
    [ContractFor("listLivestreams")]
    public async Task ListLivestreamsAsync_sends_DSC_and_reads_the_published_single_object()
    {
        var example = Answer("listLivestreams", "GET", AppPath + "/livestreams");

        var result = await Client.Livestreams.ListLivestreamsAsync(Account, App, pageNo: 1, sortOrder: LivestreamSortOrder.Descending, status: LivestreamStatusFilter.Live, excludeMeetings: true);

        Wire.AssertRequest(_api.SingleRequest(), "GET", AppPath + "/livestreams", _api.Token, jsonBody: null, query: "page_no=1&sort_order=DSC&status=LIVE&exclude_meetings=true");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(LivestreamStatus.Live, result.Data!.Status);
        Assert.Equal(1, result.Data.Paging!.TotalCount);
    }

    [Fact]
    [ContractFor("stopLivestream")]
    public async Task StopLivestreamAsync_sends_POST_without_a_body()
    {
        const string path = MeetingPath + "/active-livestream/stop";
        var example = Answer("stopLivestream", "POST", path);

        var result = await Client.Livestreams.StopLivestreamAsync(Account, App, _meetingId);

        Wire.AssertRequest(_api.SingleRequest(), "POST", path, _api.Token, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
    }

    [Fact]
    [ContractFor("getLivestreamAnalytics")]
    public async Task GetLivestreamAnalyticsAsync_sends_Unix_seconds()
    {
        const string path = AppPath + "/analytics/livestreams/overall";
        var example = Answer("getLivestreamAnalytics", "GET", path);

        var result = await Client.Livestreams.GetLivestreamAnalyticsAsync(Account, App, startTime: 1740787200, endTime: 1741046399);

        Wire.AssertRequest(_api.SingleRequest(), "GET", path, _api.Token, jsonBody: null, query: "start_time=1740787200&end_time=1741046399");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(4, result.Data!.Count);
    }

    // ------------------------------------------------------------------------- ActiveSession

    [Fact]
    [ContractFor("getActiveSession")]
    public async Task GetActiveSessionAsync_reads_the_live_session()
    {
        // The active session resource has no query parameters: its one read is checked instead.
        const string path = MeetingPath + "/active-session";
        var example = Answer("getActiveSession", "GET", path);

        var result = await Client.ActiveSession.GetActiveSessionAsync(Account, App, _meetingId);

        Wire.AssertRequest(_api.SingleRequest(), "GET", path, _api.Token, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(SessionStatus.Live, result.Data!.Status);
    }

    [Fact]
    [ContractFor("kickParticipants")]
    public async Task KickParticipantsAsync_sends_only_the_list_given()
    {
        const string path = MeetingPath + "/active-session/kick";
        var example = Answer("kickParticipants", "POST", path);

        var result = await Client.ActiveSession.KickParticipantsAsync(Account, App, _meetingId, new KickParticipantsRequest { ParticipantIds = ["95ac2880-5845-41b5-a8e9-61e1749dc1e4"] });

        Wire.AssertRequest(_api.SingleRequest(), "POST", path, _api.Token, "{\"participant_ids\":[\"95ac2880-5845-41b5-a8e9-61e1749dc1e4\"]}");
        Wire.AssertModelMatchesExample(example, result);
    }

    // ----------------------------------------------------------------------------- Analytics

    [Fact]
    [ContractFor("getDaywiseAnalytics")]
    public async Task GetDaywiseAnalyticsAsync_sends_dates_as_yyyy_MM_dd()
    {
        const string path = AppPath + "/analytics/daywise";
        var example = Answer("getDaywiseAnalytics", "GET", path);

        var result = await Client.Analytics.GetDaywiseAnalyticsAsync(Account, App, startDate: new DateOnly(2025, 3, 3), endDate: new DateOnly(2025, 3, 4));

        Wire.AssertRequest(_api.SingleRequest(), "GET", path, _api.Token, jsonBody: null, query: "start_date=2025-03-03&end_date=2025-03-04");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(12, result.Data!.SessionStats!.SessionsCount);
    }

    private static void AssertExampleMeeting(MeetingDetails meeting)
    {
        Assert.Equal(_meetingId, meeting.Id);
        Assert.Equal("Weekly sync", meeting.Title);
        Assert.Equal(MeetingStatus.Active, meeting.Status);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 30, 0, TimeSpan.Zero), meeting.CreatedAt);
        Assert.Equal(AudioCodec.Aac, meeting.RecordingConfig!.AudioConfig!.Codec);
        Assert.Equal(WatermarkPosition.RightBottom, meeting.RecordingConfig.VideoConfig!.Watermark!.Position);
        Assert.Equal(new Uri("rtmp://a.rtmp.youtube.com/live2"), meeting.RecordingConfig.LiveStreamingConfig!.RtmpUrl);
        Assert.Equal(SummaryType.TeamMeeting, meeting.AiConfig!.Summarization!.SummaryType);
    }
}
