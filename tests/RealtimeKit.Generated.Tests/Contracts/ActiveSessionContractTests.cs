using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>IActiveSessionClient against WireMock: the request on the wire and the model read back from the document's example.</summary>
public sealed class ActiveSessionContractTests : ContractTestBase
{
    private const string ActiveSession = MeetingPath + "/active-session";

    [Fact]
    [ContractFor("kickAllParticipants")]
    public async Task KickAllParticipantsAsync_sends_POST_without_a_body()
    {
        const string path = ActiveSession + "/kick-all";
        var example = Answer("kickAllParticipants", "POST", path);

        var result = await Client.ActiveSession.KickAllParticipantsAsync(Account, App, MeetingId);

        AssertSent("POST", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(3, result.Data!.KickedParticipantsCount);
    }

    [Fact]
    [ContractFor("muteParticipants")]
    public async Task MuteParticipantsAsync_sends_only_the_list_given_and_reads_the_muted()
    {
        const string path = ActiveSession + "/mute";
        var example = Answer("muteParticipants", "POST", path);

        var result = await Client.ActiveSession.MuteParticipantsAsync(Account, App, MeetingId, new MuteParticipantsRequest { CustomParticipantIds = ["bruno@example.com"] });

        const string sent = "{\"custom_participant_ids\":[\"bruno@example.com\"]}";
        AssertSent("POST", path, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("muteParticipants"), sent);
        Wire.AssertModelMatchesExample(example, result);
        var muted = Assert.Single(result.Data!.Participants!);
        Assert.Equal("Bruno Costa", muted.Name);
    }

    [Fact]
    [ContractFor("muteAllParticipants")]
    public async Task MuteAllParticipantsAsync_sends_allow_unmute_even_when_false()
    {
        const string path = ActiveSession + "/mute-all";
        var example = Answer("muteAllParticipants", "POST", path);

        var result = await Client.ActiveSession.MuteAllParticipantsAsync(Account, App, MeetingId, new MuteAllParticipantsRequest { AllowUnmute = false });

        const string sent = "{\"allow_unmute\":false}";
        AssertSent("POST", path, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("muteAllParticipants"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(3, result.Data!.MutedParticipantsCount);
    }

    [Fact]
    [ContractFor("createPoll")]
    public async Task CreatePollAsync_sends_the_question_and_options_and_reads_201()
    {
        const string path = ActiveSession + "/poll";
        var example = Answer("createPoll", "POST", path);

        var result = await Client.ActiveSession.CreatePollAsync(Account, App, MeetingId,
            new CreatePollRequest { Question = "Ship on Friday?", Options = ["Yes", "No"], Anonymous = true });

        const string sent = "{\"question\":\"Ship on Friday?\",\"options\":[\"Yes\",\"No\"],\"anonymous\":true}";
        AssertSent("POST", path, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("createPoll"), sent);
        Wire.AssertModelMatchesExample(example, result);
        var poll = result.Data!.Poll!;
        Assert.Equal("Ship on Friday?", poll.Question);
        Assert.Equal(["Yes", "No"], poll.Options!.Select(o => o.Text));
        Assert.True(poll.Anonymous);
    }

    [Fact]
    [ContractFor("getActiveSession")]
    public async Task GetActiveSessionAsync_reads_the_live_session()
    {
        // The active session resource has no query parameters: its one read is checked instead.
        const string path = MeetingPath + "/active-session";
        var example = Answer("getActiveSession", "GET", path);

        var result = await Client.ActiveSession.GetActiveSessionAsync(Account, App, MeetingId);

        Wire.AssertRequest(Api.SingleRequest(), "GET", path, Api.Token, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(SessionStatus.Live, result.Data!.Status);
    }

    [Fact]
    [ContractFor("kickParticipants")]
    public async Task KickParticipantsAsync_sends_only_the_list_given()
    {
        const string path = MeetingPath + "/active-session/kick";
        var example = Answer("kickParticipants", "POST", path);

        var result = await Client.ActiveSession.KickParticipantsAsync(Account, App, MeetingId, new KickParticipantsRequest { ParticipantIds = ["95ac2880-5845-41b5-a8e9-61e1749dc1e4"] });

        Wire.AssertRequest(Api.SingleRequest(), "POST", path, Api.Token, "{\"participant_ids\":[\"95ac2880-5845-41b5-a8e9-61e1749dc1e4\"]}");
        Wire.AssertModelMatchesExample(example, result);
    }
}
