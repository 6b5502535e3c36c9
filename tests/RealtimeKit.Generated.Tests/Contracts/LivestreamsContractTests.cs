using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>ILivestreamsClient against WireMock: the request on the wire and the model read back from the document's example.</summary>
public sealed class LivestreamsContractTests : ContractTestBase
{
    private const string Livestream = AppPath + "/livestreams/" + LivestreamId;

    [Fact]
    [ContractFor("createLivestream")]
    public async Task CreateLivestreamAsync_sends_POST_with_the_name_and_reads_201()
    {
        const string path = AppPath + "/livestreams";
        var example = Answer("createLivestream", "POST", path);

        var result = await Client.Livestreams.CreateLivestreamAsync(Account, App, new CreateLivestreamRequest { Name = "Livestreaming-Demo" });

        const string sent = "{\"name\":\"Livestreaming-Demo\"}";
        AssertSent("POST", path, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("createLivestream"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(LivestreamId, result.Data!.Id);
        Assert.Equal(LivestreamStatus.Invoked, result.Data.Status);
    }

    [Fact]
    [ContractFor("getLivestream")]
    public async Task GetLivestreamAsync_sends_the_page_and_reads_the_livestream_with_its_session()
    {
        var example = Answer("getLivestream", "GET", Livestream);

        var result = await Client.Livestreams.GetLivestreamAsync(Account, App, LivestreamId, pageNo: 1, perPage: 5);

        AssertSent("GET", Livestream, jsonBody: null, query: "page_no=1&per_page=5");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(LivestreamId, result.Data!.Livestream!.Id);
        Assert.Equal(LivestreamSessionId, result.Data.Session!.Id);
        Assert.Equal(1800, result.Data.Session.IngestSeconds);
        Assert.Equal(1, result.Data.Paging!.TotalCount);
    }

    [Fact]
    [ContractFor("getActiveLivestreamSession")]
    public async Task GetActiveLivestreamSessionAsync_sends_GET_and_reads_the_live_session()
    {
        const string path = Livestream + "/active-livestream-session";
        var example = Answer("getActiveLivestreamSession", "GET", path);

        var result = await Client.Livestreams.GetActiveLivestreamSessionAsync(Account, App, LivestreamId);

        AssertSent("GET", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(LivestreamStatus.Live, result.Data!.Livestream!.Status);
        Assert.Equal(600, result.Data.Session!.IngestSeconds);
    }

    [Fact]
    [ContractFor("getLivestreamSession")]
    public async Task GetLivestreamSessionAsync_sends_the_session_id_under_livestreams_sessions()
    {
        const string path = AppPath + "/livestreams/sessions/" + LivestreamSessionId;
        var example = Answer("getLivestreamSession", "GET", path);

        var result = await Client.Livestreams.GetLivestreamSessionAsync(Account, App, LivestreamSessionId);

        AssertSent("GET", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(LivestreamSessionId, result.Data!.Id);
        Assert.Equal(5400, result.Data.ViewerSeconds);
    }

    [Fact]
    [ContractFor("startLivestream")]
    public async Task StartLivestreamAsync_sends_POST_with_the_name_and_video_config_and_reads_201()
    {
        const string path = MeetingPath + "/livestreams";
        var example = Answer("startLivestream", "POST", path);

        var result = await Client.Livestreams.StartLivestreamAsync(Account, App, MeetingId,
            new StartLivestreamRequest { Name = "Weekly sync live", VideoConfig = new LivestreamVideoConfig { Width = 1280, Height = 720 } });

        const string sent = "{\"name\":\"Weekly sync live\",\"video_config\":{\"width\":1280,\"height\":720}}";
        AssertSent("POST", path, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("startLivestream"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(LivestreamId, result.Data!.Id);
        Assert.Equal(LivestreamStatus.Invoked, result.Data.Status);
    }

    [Fact]
    [ContractFor("getMeetingActiveLivestream")]
    public async Task GetMeetingActiveLivestreamAsync_sends_GET_under_the_meeting()
    {
        const string path = MeetingPath + "/active-livestream";
        var example = Answer("getMeetingActiveLivestream", "GET", path);

        var result = await Client.Livestreams.GetMeetingActiveLivestreamAsync(Account, App, MeetingId);

        AssertSent("GET", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(LivestreamId, result.Data!.Id);
        Assert.Null(result.Data.Name);
        Assert.Equal(LivestreamStatus.Live, result.Data.Status);
    }

    [Fact]
    [ContractFor("listMeetingLivestreams")]
    public async Task ListMeetingLivestreamsAsync_sends_the_page_and_reads_livestreams_and_the_session()
    {
        const string path = MeetingPath + "/livestream";
        var example = Answer("listMeetingLivestreams", "GET", path);

        var result = await Client.Livestreams.ListMeetingLivestreamsAsync(Account, App, MeetingId, pageNo: 2, perPage: 10);

        AssertSent("GET", path, jsonBody: null, query: "page_no=2&per_page=10");
        Wire.AssertModelMatchesExample(example, result);
        var livestream = Assert.Single(result.Data!.Livestreams!);
        Assert.Equal(LivestreamStatus.Idle, livestream.Status);
        Assert.Equal(LivestreamSessionId, result.Data.Sessions!.Id);
        Assert.Equal(1, result.Data.Paging!.TotalCount);
    }

    [Fact]
    [ContractFor("listSessionLivestreamSessions")]
    public async Task ListSessionLivestreamSessionsAsync_sends_the_page_under_the_session()
    {
        const string path = AppPath + "/sessions/" + SessionId + "/livestream-sessions";
        var example = Answer("listSessionLivestreamSessions", "GET", path);

        var result = await Client.Livestreams.ListSessionLivestreamSessionsAsync(Account, App, SessionId, pageNo: 1, perPage: 25);

        AssertSent("GET", path, jsonBody: null, query: "page_no=1&per_page=25");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(LivestreamSessionId, result.Data!.Id);
        Assert.Equal(1, result.Data.Paging!.TotalCount);
    }

    [Fact]
    [ContractFor("getDaywiseLivestreamAnalytics")]
    public async Task GetDaywiseLivestreamAnalyticsAsync_sends_Unix_seconds_and_the_filter_escaped()
    {
        const string path = AppPath + "/analytics/livestreams/daywise";
        var example = Answer("getDaywiseLivestreamAnalytics", "GET", path);

        var result = await Client.Livestreams.GetDaywiseLivestreamAnalyticsAsync(Account, App, startTime: 1689379200, endTime: 1689465599, filters: "status=LIVE");

        AssertSent("GET", path, jsonBody: null, query: "start_time=1689379200&end_time=1689465599&filters=status%3DLIVE");
        Wire.AssertModelMatchesExample(example, result);
        var day = Assert.Single(result.Data!);
        Assert.Equal(4, day.Count);
        Assert.Equal(531, day.TotalIngestSeconds);
    }

    [Fact]
    [ContractFor("listLivestreams")]
    public async Task ListLivestreamsAsync_sends_DSC_and_reads_the_published_single_object()
    {
        var example = Answer("listLivestreams", "GET", AppPath + "/livestreams");

        var result = await Client.Livestreams.ListLivestreamsAsync(Account, App, pageNo: 1, sortOrder: LivestreamSortOrder.Descending, status: LivestreamStatusFilter.Live, excludeMeetings: true);

        Wire.AssertRequest(Api.SingleRequest(), "GET", AppPath + "/livestreams", Api.Token, jsonBody: null, query: "page_no=1&sort_order=DSC&status=LIVE&exclude_meetings=true");
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

        var result = await Client.Livestreams.StopLivestreamAsync(Account, App, MeetingId);

        Wire.AssertRequest(Api.SingleRequest(), "POST", path, Api.Token, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
    }

    [Fact]
    [ContractFor("getLivestreamAnalytics")]
    public async Task GetLivestreamAnalyticsAsync_sends_Unix_seconds()
    {
        const string path = AppPath + "/analytics/livestreams/overall";
        var example = Answer("getLivestreamAnalytics", "GET", path);

        var result = await Client.Livestreams.GetLivestreamAnalyticsAsync(Account, App, startTime: 1740787200, endTime: 1741046399);

        Wire.AssertRequest(Api.SingleRequest(), "GET", path, Api.Token, jsonBody: null, query: "start_time=1740787200&end_time=1741046399");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(4, result.Data!.Count);
    }
}
