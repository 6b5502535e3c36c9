using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>IRecordingsClient against WireMock: the request on the wire and the model read back from the document's example.</summary>
public sealed class RecordingsContractTests : ContractTestBase
{
    private const string Recording = AppPath + "/recordings/" + RecordingId;

    [Fact]
    [ContractFor("getActiveRecording")]
    public async Task GetActiveRecordingAsync_sends_the_meeting_id_under_active_recording()
    {
        const string path = AppPath + "/recordings/active-recording/" + MeetingIdText;
        var example = Answer("getActiveRecording", "GET", path);

        var result = await Client.Recordings.GetActiveRecordingAsync(Account, App, MeetingIdText);

        AssertSent("GET", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(Guid.Parse(RecordingId), result.Data!.Id);
        Assert.Equal(RecordingStatus.Recording, result.Data.Status);
        Assert.Null(result.Data.StoppedTime);
    }

    [Fact]
    [ContractFor("getRecording")]
    public async Task GetRecordingAsync_sends_GET_and_reads_the_recording_details()
    {
        var example = Answer("getRecording", "GET", Recording);

        var result = await Client.Recordings.GetRecordingAsync(Account, App, RecordingId);

        AssertSent("GET", Recording, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(Guid.Parse(RecordingId), result.Data!.Id);
        Assert.NotNull(result.Data.StartReason);
        Assert.NotNull(result.Data.StorageConfig);
    }

    [Fact]
    [ContractFor("controlRecording")]
    public async Task ControlRecordingAsync_sends_PUT_with_the_action_by_its_wire_value()
    {
        var example = Answer("controlRecording", "PUT", Recording);

        var result = await Client.Recordings.ControlRecordingAsync(Account, App, RecordingId, new ControlRecordingRequest { Action = RecordingAction.Stop });

        const string sent = "{\"action\":\"stop\"}";
        AssertSent("PUT", Recording, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("controlRecording"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(Guid.Parse(RecordingId), result.Data!.Id);
    }

    [Fact]
    [ContractFor("startTrackRecording")]
    public async Task StartTrackRecordingAsync_sends_the_layers_as_a_map_and_reads_data_recording()
    {
        const string path = AppPath + "/recordings/track";
        var example = Answer("startTrackRecording", "POST", path);

        var result = await Client.Recordings.StartTrackRecordingAsync(Account, App, new StartTrackRecordingRequest
        {
            MeetingId = MeetingId,
            Layers = new Dictionary<string, TrackRecordingLayer>
            {
                ["default"] = new() { FileNamePrefix = "weekly-sync-tracks", MediaKind = TrackMediaKind.Audio },
            },
        });

        const string sent = "{\"meeting_id\":\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\",\"layers\":{\"default\":{\"file_name_prefix\":\"weekly-sync-tracks\",\"media_kind\":\"audio\"}}}";
        AssertSent("POST", path, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("startTrackRecording"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(Guid.Parse(RecordingId), result.Data!.Recording!.Id);
        Assert.Equal(RecordingStatus.Invoked, result.Data.Recording.Status);
    }

    [Fact]
    [ContractFor("listRecordings")]
    public async Task ListRecordingsAsync_sends_the_status_array_comma_separated_and_booleans_in_lowercase()
    {
        var example = Answer("listRecordings", "GET", AppPath + "/recordings");

        var result = await Client.Recordings.ListRecordingsAsync(Account, App, sortBy: RecordingSortBy.InvokedTime,
            status: [RecordingStatus.Uploaded, RecordingStatus.Errored], meetingId: MeetingId, expired: false);

        Wire.AssertRequest(Api.SingleRequest(), "GET", AppPath + "/recordings", Api.Token, jsonBody: null,
            query: "sort_by=invokedTime&status=UPLOADED,ERRORED&meeting_id=182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e&expired=false");
        Wire.AssertModelMatchesExample(example, result);
        var recording = Assert.Single(result.Data);
        Assert.Equal(RecordingStatus.Uploaded, recording.Status);
        Assert.Equal(52428800, recording.FileSize);
        Assert.Equal(MeetingId, recording.Meeting!.Id);
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
        Wire.AssertRequest(Api.SingleRequest(), "POST", AppPath + "/recordings", Api.Token, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("startRecording"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(RecordingStartReasonKind.ApiCall, result.Data!.StartReason!.Reason);
        Assert.Equal(StorageType.Aws, result.Data.StorageConfig!.Type);
    }
}
