using RealtimeKit.Generated.Tests.Infrastructure;

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
}
