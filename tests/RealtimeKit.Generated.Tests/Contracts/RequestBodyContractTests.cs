using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Request bodies on the wire: nullable fields (<see cref="RealtimeKitOptional{T}"/>) sent,
/// cleared with null or left out; required UUID fields refused when unset.
/// </summary>
public sealed class RequestBodyContractTests : IDisposable
{
    private const string Account = SpecExamples.AccountId;
    private const string App = SpecExamples.AppId;
    private const string AppPath = "/client/v4/accounts/" + Account + "/realtime/kit/" + App;
    private static readonly Guid _meetingId = Guid.Parse("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
    private const string MeetingPath = AppPath + "/meetings/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    private const string ParticipantId = "aa70173a-a323-4ab5-833a-e78ef9ccc11e";
    private const string ParticipantPath = MeetingPath + "/participants/" + ParticipantId;

    private readonly ApiServer _api = ApiServer.Start();

    public RequestBodyContractTests()
    {
        foreach (var (operationId, method, path) in new[]
        {
            ("updateMeeting", "PATCH", MeetingPath),
            ("createMeeting", "POST", AppPath + "/meetings"),
            ("editParticipant", "PATCH", ParticipantPath),
            ("startRecording", "POST", AppPath + "/recordings"),
        })
        {
            _api.Server
                .Given(Request.Create().WithPath(path).UsingMethod(method))
                .RespondWith(Response.Create().WithStatusCode(DocumentExamples.SuccessStatus(operationId)).WithHeader("Content-Type", "application/json").WithBody(DocumentExamples.SuccessBody(operationId)));
        }
    }

    public void Dispose() => _api.Dispose();

    private IRealtimeKitClient Client => _api.Get<IRealtimeKitClient>();

    // ------------------------------------------------------------------- nullable fields

    [Fact]
    public async Task EditParticipantAsync_sends_a_set_field_null_for_a_cleared_one_and_nothing_for_one_left()
    {
        await Client.Meetings.EditParticipantAsync(Account, App, _meetingId, ParticipantId, new EditParticipantRequest { Name = "Ana Lima", Picture = null });

        Wire.AssertRequest(_api.SingleRequest(), "PATCH", ParticipantPath, _api.Token, "{\"name\":\"Ana Lima\",\"picture\":null}");
    }

    [Fact]
    public async Task EditParticipantAsync_with_every_field_left_sends_an_empty_object()
    {
        await Client.Meetings.EditParticipantAsync(Account, App, _meetingId, ParticipantId, new EditParticipantRequest());

        Wire.AssertRequest(_api.SingleRequest(), "PATCH", ParticipantPath, _api.Token, "{}");
    }

    [Fact]
    public async Task EditParticipantAsync_with_every_field_cleared_sends_every_field_as_null()
    {
        await Client.Meetings.EditParticipantAsync(Account, App, _meetingId, ParticipantId, new EditParticipantRequest { Name = null, Picture = null, PresetName = null });

        Wire.AssertRequest(_api.SingleRequest(), "PATCH", ParticipantPath, _api.Token, "{\"name\":null,\"picture\":null,\"preset_name\":null}");
    }

    [Fact]
    public async Task EditParticipantAsync_set_back_to_Unset_leaves_the_field_out_again()
    {
        var body = new EditParticipantRequest { Name = null, PresetName = "webinar_viewer" };
        body.Name = RealtimeKitOptional<string?>.Unset;

        await Client.Meetings.EditParticipantAsync(Account, App, _meetingId, ParticipantId, body);

        Wire.AssertRequest(_api.SingleRequest(), "PATCH", ParticipantPath, _api.Token, "{\"preset_name\":\"webinar_viewer\"}");
    }

    [Fact]
    public async Task CreateMeetingAsync_sends_a_cleared_title_and_flags_as_null_and_leaves_the_others_out()
    {
        await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = null, RecordOnStart = true, PersistChat = false });

        Wire.AssertRequest(_api.SingleRequest(), "POST", AppPath + "/meetings", _api.Token, "{\"title\":null,\"record_on_start\":true,\"persist_chat\":false}");
    }

    [Theory]
    [InlineData("set", "{\"title\":\"Weekly sync (moved)\"}")]
    [InlineData("left", "{}")]
    public async Task UpdateMeetingAsync_sends_the_title_when_set_and_nothing_when_left(string title, string sent)
    {
        var body = new UpdateMeetingRequest();
        if (title == "set")
        {
            body.Title = "Weekly sync (moved)";
        }

        await Client.Meetings.UpdateMeetingAsync(Account, App, _meetingId, body);

        Wire.AssertRequest(_api.SingleRequest(), "PATCH", MeetingPath, _api.Token, sent);
    }

    [Fact]
    public void UpdateMeetingRequest_keeps_plain_properties_because_the_document_does_not_make_them_nullable()
    {
        // The reference says: on update, title and the on-start flags are not nullable (unlike create),
        // so "clear the title" is no request the service takes; the property stays a plain string?.
        Assert.Equal(typeof(string), typeof(UpdateMeetingRequest).GetProperty(nameof(UpdateMeetingRequest.Title))!.PropertyType);
        Assert.Equal(typeof(RealtimeKitOptional<string>), typeof(CreateMeetingRequest).GetProperty(nameof(CreateMeetingRequest.Title))!.PropertyType);
        Assert.Equal(typeof(RealtimeKitOptional<bool?>), typeof(CreateMeetingRequest).GetProperty(nameof(CreateMeetingRequest.RecordOnStart))!.PropertyType);
        Assert.Equal(typeof(bool?), typeof(CreateMeetingRequest).GetProperty(nameof(CreateMeetingRequest.PersistChat))!.PropertyType);
    }

    [Fact]
    public void A_nullable_request_field_reads_back_as_set_or_unset()
    {
        var cleared = RealtimeKitJson.Deserialize<EditParticipantRequest>("{\"name\":null,\"preset_name\":\"host\"}")!;

        Assert.True(cleared.Name.IsSet);
        Assert.Null(cleared.Name.Value);
        Assert.False(cleared.Picture.IsSet);
        Assert.Equal("host", cleared.PresetName.Value);
        Assert.Equal("{\"name\":null,\"preset_name\":\"host\"}", RealtimeKitJson.Serialize(cleared));
    }

    [Fact]
    public void RealtimeKitOptional_tells_unset_from_null_from_a_value()
    {
        RealtimeKitOptional<string?> unset = default;
        RealtimeKitOptional<string?> cleared = null;
        RealtimeKitOptional<string?> set = "x";

        Assert.False(unset.IsSet);
        Assert.True(cleared.IsSet);
        Assert.NotEqual(unset, cleared);
        Assert.Equal(set, new RealtimeKitOptional<string?>("x"));
        Assert.Equal("(unset)", unset.ToString());
        Assert.Equal("null", cleared.ToString());
        Assert.Equal("fallback", unset.GetValueOrDefault("fallback"));
    }

    [Fact]
    public async Task StartRecordingAsync_sends_a_cleared_storage_config_as_null()
    {
        await Client.Recordings.StartRecordingAsync(Account, App, new StartRecordingRequest { MeetingId = _meetingId, StorageConfig = null });

        Wire.AssertRequest(_api.SingleRequest(), "POST", AppPath + "/recordings", _api.Token, "{\"meeting_id\":\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\",\"storage_config\":null}");
    }

    // --------------------------------------------------------------- required UUID fields

    [Fact]
    public async Task StartRecordingAsync_refuses_an_unset_meeting_id_before_sending()
    {
        var error = await Assert.ThrowsAsync<RealtimeKitValidationException>(() => Client.Recordings.StartRecordingAsync(Account, App, new StartRecordingRequest()));

        Assert.Equal("body", error.ParamName);
        Assert.Equal("meeting_id", error.Field);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task StartTrackRecordingAsync_refuses_an_unset_meeting_id_before_sending()
    {
        var error = await Assert.ThrowsAsync<RealtimeKitValidationException>(() => Client.Recordings.StartTrackRecordingAsync(Account, App, new StartTrackRecordingRequest { MeetingId = Guid.Empty }));

        Assert.Equal("meeting_id", error.Field);
        Assert.Empty(_api.Requests);
    }
}
