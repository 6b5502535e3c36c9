using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>
/// One test per row of <c>shared/spec/published-schema-notes.md</c>: an answer of a shape
/// Cloudflare's published schema allows (and the document once refused) is read, with what
/// cannot be typed kept as it arrived; a request is shaped as the published schema says.
/// Each asserts the exact request on the wire and the model read back.
/// </summary>
public sealed class PublishedSchemaContractTests : ContractTestBase
{
    private const string Livestream = AppPath + "/livestreams/" + LivestreamId;

    /// <summary>Answers exactly this method and path with <paramref name="body"/> (200, JSON).</summary>
    private void AnswerWith(string method, string path, string body) =>
        Api.Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    // ------------------------------------------------------------------- reading answers

    [Fact]
    [ContractFor("getLivestreamSession")]
    public async Task A_livestream_session_with_plain_string_times_and_text_seconds_reads_keeping_the_raw_text()
    {
        const string path = AppPath + "/livestreams/sessions/" + LivestreamSessionId;
        AnswerWith("GET", path, """
            {"success":true,"data":{"id":"d5c4ebde-36da-4b4e-b04c-7b7782624973","started_time":"1741082710","stopped_time":"Tue, 04 Mar 2025 10:35:10 GMT+0000 (yesterday)",
             "updated_at":"2025-03-04T10:35:10.000Z","ingest_seconds":"1800","viewer_seconds":5400}}
            """);

        var result = await Client.Livestreams.GetLivestreamSessionAsync(Account, App, LivestreamSessionId);

        AssertSent("GET", path, jsonBody: null);
        var session = result.Data!;
        Assert.Equal(LivestreamSessionId, session.Id);
        Assert.Null(session.StartedTime);
        Assert.Null(session.StoppedTime);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 35, 10, TimeSpan.Zero), session.UpdatedAt);
        Assert.Equal(1800, session.IngestSeconds);
        Assert.Equal(5400, session.ViewerSeconds);
        Assert.Equal(["started_time", "stopped_time"], session.AdditionalProperties!.Keys.Order());
        Assert.Equal(new JValue("1741082710"), session.AdditionalProperties["started_time"]);
        Assert.Equal("Tue, 04 Mar 2025 10:35:10 GMT+0000 (yesterday)", (string?)session.AdditionalProperties["stopped_time"]);
        Assert.True(result.Success);
    }

    [Fact]
    [ContractFor("getLivestreamSession")]
    public async Task A_livestream_session_with_integer_seconds_as_published_reads_them()
    {
        const string path = AppPath + "/livestreams/sessions/" + LivestreamSessionId;
        AnswerWith("GET", path, """{"success":true,"data":{"id":"d5c4ebde-36da-4b4e-b04c-7b7782624973","ingest_seconds":1800,"viewer_seconds":5400}}""");

        var result = await Client.Livestreams.GetLivestreamSessionAsync(Account, App, LivestreamSessionId);

        AssertSent("GET", path, jsonBody: null);
        Assert.Equal(1800, result.Data!.IngestSeconds);
        Assert.Equal(5400, result.Data.ViewerSeconds);
        Assert.Null(result.Data.AdditionalProperties);
    }

    [Fact]
    [ContractFor("getLivestream")]
    public async Task A_livestreams_plain_string_created_at_and_updated_at_read_keeping_the_raw_text()
    {
        AnswerWith("GET", Livestream, """
            {"success":true,"data":{"livestream":{"id":"78dd0b50-4147-4bb8-88d3-2ccc2e98bff0","name":null,"status":"OFFLINE","created_at":"1741082700","updated_at":"2025-03-04T10:41:57.000Z"},
             "session":{"id":"d5c4ebde-36da-4b4e-b04c-7b7782624973","invoked_time":"2025-03-04T10:05:00.000Z"},"paging":{"total_count":1,"start_offset":1,"end_offset":1}}}
            """);

        var result = await Client.Livestreams.GetLivestreamAsync(Account, App, LivestreamId, pageNo: 1, perPage: 2);

        AssertSent("GET", Livestream, jsonBody: null, query: "page_no=1&per_page=2");
        var livestream = result.Data!.Livestream!;
        Assert.Null(livestream.Name);
        Assert.Equal(LivestreamStatus.Offline, livestream.Status);
        Assert.Null(livestream.CreatedAt);
        Assert.Equal("1741082700", (string?)livestream.AdditionalProperties!["created_at"]);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 41, 57, TimeSpan.Zero), livestream.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 5, 0, TimeSpan.Zero), result.Data.Session!.InvokedTime);
        Assert.Equal(1, result.Data.Paging!.TotalCount);
    }

    [Fact]
    [ContractFor("listSessionLivestreamSessions")]
    public async Task A_sessions_livestream_with_null_and_plain_invoked_times_and_number_paging_reads()
    {
        const string path = AppPath + "/sessions/" + SessionId + "/livestream-sessions";
        AnswerWith("GET", path, """
            {"success":true,"data":{"id":"d5c4ebde-36da-4b4e-b04c-7b7782624973","invoked_time":null,"stopped_time":"1741084510","ingest_seconds":"1800",
             "paging":{"total_count":1.0,"start_offset":1.0,"end_offset":1.0}}}
            """);

        var result = await Client.Livestreams.ListSessionLivestreamSessionsAsync(Account, App, SessionId, pageNo: 1, perPage: 2);

        AssertSent("GET", path, jsonBody: null, query: "page_no=1&per_page=2");
        var data = result.Data!;
        Assert.Null(data.InvokedTime);
        Assert.Null(data.StoppedTime);
        Assert.Equal("1741084510", (string?)data.AdditionalProperties!["stopped_time"]);
        Assert.Equal(1800, data.IngestSeconds);
        Assert.Equal(1, data.Paging!.TotalCount);
        Assert.Equal(1, data.Paging.EndOffset);
    }

    [Fact]
    [ContractFor("getActiveLivestreamSession")]
    public async Task An_active_livestream_session_with_string_seconds_as_the_SDK_types_them_reads()
    {
        const string path = Livestream + "/active-livestream-session";
        AnswerWith("GET", path, """
            {"success":true,"data":{"livestream":{"id":"78dd0b50-4147-4bb8-88d3-2ccc2e98bff0","status":"LIVE"},
             "session":{"id":"d5c4ebde-36da-4b4e-b04c-7b7782624973","ingest_seconds":"600","viewer_seconds":"about 20 minutes"}}}
            """);

        var result = await Client.Livestreams.GetActiveLivestreamSessionAsync(Account, App, LivestreamId);

        AssertSent("GET", path, jsonBody: null);
        var session = result.Data!.Session!;
        Assert.Equal(600, session.IngestSeconds);
        Assert.Null(session.ViewerSeconds);
        Assert.Equal("about 20 minutes", (string?)session.AdditionalProperties!["viewer_seconds"]);
        Assert.Equal(LivestreamStatus.Live, result.Data.Livestream!.Status);
    }

    [Fact]
    [ContractFor("listMeetingLivestreams")]
    public async Task A_meetings_livestream_sessions_without_viewer_seconds_and_with_string_ingest_seconds_read()
    {
        const string path = MeetingPath + "/livestream";
        AnswerWith("GET", path, """
            {"success":true,"data":{"livestreams":[{"id":"78dd0b50-4147-4bb8-88d3-2ccc2e98bff0","name":null,"disabled":false,"status":"LIVE"}],
             "sessions":{"id":"d5c4ebde-36da-4b4e-b04c-7b7782624973","ingest_seconds":"1800"},"paging":{"total_count":1,"start_offset":1,"end_offset":1}}}
            """);

        var result = await Client.Livestreams.ListMeetingLivestreamsAsync(Account, App, MeetingId, perPage: 2);

        AssertSent("GET", path, jsonBody: null, query: "per_page=2");
        Assert.Equal(1800, result.Data!.Sessions!.IngestSeconds);
        Assert.Null(result.Data.Sessions.ViewerSeconds);
        Assert.Null(Assert.Single(result.Data.Livestreams!).Name);
        Assert.Equal([], Wire.UnreadFields(result));
    }

    [Fact]
    [ContractFor("listApps")]
    public async Task Apps_with_paging_written_as_numbers_and_a_null_name_read()
    {
        const string path = Kit + "/apps";
        AnswerWith("GET", path, """
            {"success":true,"data":[{"id":"5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df","name":null,"created_at":"2025-01-01T00:00:00.000Z"}],
             "paging":{"total_count":21.0,"start_offset":1.0,"end_offset":20.0}}
            """);

        var result = await Client.Apps.ListAppsAsync(Account, pageNo: 1, perPage: 20);

        AssertSent("GET", path, jsonBody: null, query: "page_no=1&per_page=20");
        Assert.Null(Assert.Single(result.Data!).Name);
        Assert.Equal(21, result.Paging!.TotalCount);
        Assert.Equal(20, result.Paging.EndOffset);
        Assert.Equal([], Wire.UnreadFields(result));
    }

    [Fact]
    [ContractFor("listMeetings")]
    public async Task Meetings_paging_written_as_whole_floats_and_items_without_ai_config_read()
    {
        const string path = AppPath + "/meetings";
        AnswerWith("GET", path, """
            {"success":true,"data":[{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","title":"Standup","created_at":"2025-03-04T10:00:00.000Z","updated_at":"2025-03-04T10:00:00.000Z"}],
             "paging":{"total_count":134.0,"start_offset":1.0,"end_offset":20.0}}
            """);

        var result = await Client.Meetings.ListMeetingsAsync(Account, App, pageNo: 1, perPage: 20);

        AssertSent("GET", path, jsonBody: null, query: "page_no=1&per_page=20");
        var meeting = Assert.Single(result.Data!);
        Assert.Null(meeting.AiConfig);
        Assert.Equal(MeetingId, meeting.Id);
        Assert.Equal(134, result.Paging!.TotalCount);
        Assert.Equal([], Wire.UnreadFields(result));
    }

    [Fact]
    [ContractFor("getApp")]
    public async Task An_app_answer_without_success_and_with_a_null_name_reads_as_published()
    {
        const string path = Kit + "/apps/" + App;
        AnswerWith("GET", path, """{"data":{"id":"5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df","name":null}}""");

        var result = await Client.Apps.GetAppAsync(Account, App);

        AssertSent("GET", path, jsonBody: null);
        Assert.Null(result.Success);
        Assert.Equal(SpecExamples.AppId, result.Data!.Id);
        Assert.Null(result.Data.Name);
    }

    [Fact]
    [ContractFor("getApp")]
    public async Task An_app_answer_without_data_reads_as_published()
    {
        const string path = Kit + "/apps/" + App;
        AnswerWith("GET", path, """{"success":true}""");

        var result = await Client.Apps.GetAppAsync(Account, App);

        AssertSent("GET", path, jsonBody: null);
        Assert.True(result.Success);
        Assert.Null(result.Data);
    }

    // ------------------------------------------------------------------- sending requests

    [Fact]
    [ContractFor("getPeerReport")]
    public async Task The_peer_reports_filters_is_one_value_of_the_enum_as_published()
    {
        const string path = AppPath + "/sessions/peer-report/" + PeerId;
        var example = Answer("getPeerReport", "GET", path);

        var result = await Client.Sessions.GetPeerReportAsync(Account, App, PeerId, filters: PeerReportFilter.DeviceInfo);

        AssertSent("GET", path, jsonBody: null, query: "filters=device_info");
        Wire.AssertModelMatchesExample(example, result);
    }

    [Fact]
    [ContractFor("listLivestreams")]
    public async Task The_livestream_lists_status_filter_offers_the_published_values_only()
    {
        const string path = AppPath + "/livestreams";
        var example = Answer("listLivestreams", "GET", path);

        var result = await Client.Livestreams.ListLivestreamsAsync(Account, App, perPage: 2, status: LivestreamStatusFilter.Idle);

        AssertSent("GET", path, jsonBody: null, query: "per_page=2&status=IDLE");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(["LIVE", "IDLE", "ERRORED", "INVOKED"], LivestreamStatusFilter.KnownValues.Select(v => v.ToString()));
    }

    [Fact]
    [ContractFor("getActiveSession")]
    public async Task An_active_session_route_sends_the_meeting_id_as_the_shared_meeting_parameter()
    {
        const string path = MeetingPath + "/active-session";
        var example = Answer("getActiveSession", "GET", path);

        var result = await Client.ActiveSession.GetActiveSessionAsync(Account, App, MeetingId);

        AssertSent("GET", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
    }

    [Fact]
    [ContractFor("listRecordings")]
    public async Task Page_numbers_and_sizes_are_sent_as_whole_numbers()
    {
        const string path = AppPath + "/recordings";
        var example = Answer("listRecordings", "GET", path);

        var result = await Client.Recordings.ListRecordingsAsync(Account, App, pageNo: 3, perPage: 2);

        AssertSent("GET", path, jsonBody: null, query: "page_no=3&per_page=2");
        Wire.AssertModelMatchesExample(example, result);
    }

    // ------------------------------------------------------------------- shapes

    [Fact]
    [ContractFor("getRecording")]
    public async Task A_recording_with_a_null_storage_config_reads_as_published()
    {
        const string path = AppPath + "/recordings/" + RecordingId;
        var body = JObject.Parse(DocumentExamples.SuccessBody("getRecording"));
        body["data"]!["storage_config"] = null;
        AnswerWith("GET", path, body.ToString());

        var result = await Client.Recordings.GetRecordingAsync(Account, App, RecordingId);

        AssertSent("GET", path, jsonBody: null);
        Assert.Null(result.Data!.StorageConfig);
        Assert.Equal(RecordingId, result.Data.Id.ToString("D"));
        Wire.AssertModelMatchesExample(body.ToString(), result);
    }

    [Fact]
    [ContractFor("startTrackRecording")]
    public async Task A_track_recording_answer_with_or_without_the_published_required_fields_reads()
    {
        const string path = AppPath + "/recordings/track";
        AnswerWith("POST", path, """{"data":{}}""");

        var result = await Client.Recordings.StartTrackRecordingAsync(Account, App, new StartTrackRecordingRequest { MeetingId = MeetingId });

        var sent = Api.SingleRequest().RequestMessage.Body!;
        AssertSent("POST", path, sent);
        Assert.Equal(MeetingIdText, (string?)JObject.Parse(sent)["meeting_id"]);
        Assert.Null(result.Success);
        Assert.Null(result.Data!.Recording);
    }

    [Fact]
    [ContractFor("createLivestream")]
    public async Task A_new_livestream_with_a_null_name_reads()
    {
        const string path = AppPath + "/livestreams";
        AnswerWith("POST", path, """{"success":true,"data":{"id":"78dd0b50-4147-4bb8-88d3-2ccc2e98bff0","name":null,"meeting_id":null,"disabled":false,"status":"INVOKED"}}""");

        var result = await Client.Livestreams.CreateLivestreamAsync(Account, App, new CreateLivestreamRequest());

        AssertSent("POST", path, "{}");
        Assert.Null(result.Data!.Name);
        Assert.Equal(LivestreamStatus.Invoked, result.Data.Status);
    }
}
