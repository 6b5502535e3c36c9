using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>ISessionsClient against WireMock: the request on the wire and the model read back from the document's example.</summary>
public sealed class SessionsContractTests : ContractTestBase
{
    private const string Session = AppPath + "/sessions/" + SessionId;

    [Fact]
    [ContractFor("getSession")]
    public async Task GetSessionAsync_sends_include_breakout_rooms_in_lowercase_and_reads_the_session()
    {
        var example = Answer("getSession", "GET", Session);

        var result = await Client.Sessions.GetSessionAsync(Account, App, SessionId, includeBreakoutRooms: true);

        AssertSent("GET", Session, jsonBody: null, query: "include_breakout_rooms=true");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(SessionId, result.Data!.Id);
        Assert.Equal(SessionType.Meeting, result.Data.Type);
    }

    [Fact]
    [ContractFor("listSessionParticipants")]
    public async Task ListSessionParticipantsAsync_sends_every_query_parameter_by_its_wire_value()
    {
        const string path = Session + "/participants";
        var example = Answer("listSessionParticipants", "GET", path);

        var result = await Client.Sessions.ListSessionParticipantsAsync(Account, App, SessionId, pageNo: 1, perPage: 10, search: "Ana Lima",
            sortBy: SessionParticipantSortBy.Duration, sortOrder: SortOrder.Descending, includePeerEvents: false, view: SessionParticipantView.Consolidated);

        AssertSent("GET", path, jsonBody: null,
            query: "page_no=1&per_page=10&search=Ana%20Lima&sort_by=duration&sort_order=DESC&include_peer_events=false&view=consolidated");
        Wire.AssertModelMatchesExample(example, result);
        var participant = Assert.Single(result.Data!.Participants!);
        Assert.Equal(PeerId, participant.Id!.ToString());
        Assert.Equal("Ana Lima", participant.DisplayName);
        Assert.Equal(41.9, participant.Duration);
    }

    [Fact]
    [ContractFor("getSessionParticipant")]
    public async Task GetSessionParticipantAsync_sends_include_peer_events_and_reads_the_events()
    {
        const string path = Session + "/participants/" + PeerId;
        var example = Answer("getSessionParticipant", "GET", path);

        var result = await Client.Sessions.GetSessionParticipantAsync(Account, App, SessionId, PeerId, includePeerEvents: true);

        AssertSent("GET", path, jsonBody: null, query: "include_peer_events=true");
        Wire.AssertModelMatchesExample(example, result);
        var participant = result.Data!.Participant!;
        Assert.Equal(PeerId, participant.Id!.ToString());
        var peerEvent = Assert.Single(participant.PeerEvents!);
        Assert.Equal("PEER_JOINING", peerEvent.EventName?.ToString());
        Assert.Null(peerEvent.SocketSessionId);
    }

    [Fact]
    [ContractFor("getSessionChat")]
    public async Task GetSessionChatAsync_sends_GET_and_reads_where_to_download_the_chat()
    {
        const string path = Session + "/chat";
        var example = Answer("getSessionChat", "GET", path);

        var result = await Client.Sessions.GetSessionChatAsync(Account, App, SessionId);

        AssertSent("GET", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal("https://rtk-exports.example.com/chat/8cb91f4f-e220-4f9b-a896-5b893cc47618.csv?signature=abc123", result.Data!.ChatDownloadUrl?.ToString());
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 10, 41, 57, TimeSpan.Zero), result.Data.ChatDownloadUrlExpiry);
    }

    [Fact]
    [ContractFor("getSessionTranscript")]
    public async Task GetSessionTranscriptAsync_sends_the_format_by_its_wire_value()
    {
        const string path = Session + "/transcript";
        var example = Answer("getSessionTranscript", "GET", path);

        var result = await Client.Sessions.GetSessionTranscriptAsync(Account, App, SessionId, format: TranscriptFormat.Vtt);

        AssertSent("GET", path, jsonBody: null, query: "format=VTT");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(SessionId, result.Data!.SessionId?.ToString());
        Assert.EndsWith(".vtt?signature=abc123", result.Data.TranscriptDownloadUrl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [ContractFor("getSessionSummary")]
    public async Task GetSessionSummaryAsync_sends_GET_and_reads_the_camelCase_fields()
    {
        const string path = Session + "/summary";
        var example = Answer("getSessionSummary", "GET", path);

        var result = await Client.Sessions.GetSessionSummaryAsync(Account, App, SessionId);

        AssertSent("GET", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(SessionId, result.Data!.SessionId?.ToString());
        Assert.EndsWith(".txt?signature=abc123", result.Data.SummaryDownloadUrl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [ContractFor("generateSessionSummary")]
    public async Task GenerateSessionSummaryAsync_sends_POST_without_a_body()
    {
        const string path = Session + "/summary";
        var example = Answer("generateSessionSummary", "POST", path);

        var result = await Client.Sessions.GenerateSessionSummaryAsync(Account, App, SessionId);

        AssertSent("POST", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(SessionId, result.Data!.SessionId?.ToString());
        Assert.Equal("IN_PROGRESS", result.Data.Status?.ToString());
    }

    [Fact]
    [ContractFor("listSessions")]
    public async Task ListSessionsAsync_sends_enums_by_their_wire_values_and_reads_data_sessions()
    {
        var example = Answer("listSessions", "GET", AppPath + "/sessions");

        var result = await Client.Sessions.ListSessionsAsync(Account, App, sortBy: SessionSortBy.MinutesConsumed, sortOrder: SortOrder.Ascending,
            status: SessionStatus.Ended, associatedId: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

        Wire.AssertRequest(Api.SingleRequest(), "GET", AppPath + "/sessions", Api.Token, jsonBody: null,
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

        Wire.AssertRequest(Api.SingleRequest(), "GET", path, Api.Token, jsonBody: null, query: "filters=quality_stats&include_peer_events=true");
        Wire.AssertModelMatchesExample(example, result);
        var quality = result.Data!.Participant!.PeerReport!.Quality!;
        Assert.Equal(0.02, quality.AudioProducerCumulative!.Rtt!.EventFraction100MsOrGreater);
        Assert.Equal(0.01, quality.AudioProducerCumulative.PacketLoss!.EventFraction5OrGreater);
    }
}
