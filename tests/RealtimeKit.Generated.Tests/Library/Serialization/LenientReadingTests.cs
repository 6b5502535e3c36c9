using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The lenient-reading rule of the generated models: an optional field whose value has the wrong
/// JSON type or an unreadable format does not fail the read; the rest of the model is read and
/// the value is kept, as it arrived, in AdditionalProperties. A required field still fails, with
/// the raw body on the exception.
/// </summary>
public sealed class LenientReadingTests : IDisposable
{
    private const string Account = SpecExamples.AccountId;
    private const string App = SpecExamples.AppId;
    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private void Answer(string body) =>
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    public static TheoryData<string, string, string> WrongValues => new()
    {
        // field, the value as sent, what a wrong value is
        { "started_time", "\"1741082710\"", "a date that is not ISO 8601" },
        { "started_time", "true", "a boolean where a date belongs" },
        { "started_time", "{\"seconds\":1741082710}", "an object where a date belongs" },
        { "ingest_seconds", "\"n/a\"", "text that is no number" },
        { "ingest_seconds", "[1,2]", "an array where a number belongs" },
        { "ingest_seconds", "{\"value\":{\"nested\":[1,{\"deep\":true}]}}", "a nested object where a number belongs" },
        { "livestream_id", "{\"id\":\"x\"}", "an object where a string belongs" },
        { "livestream_id", "[\"a\",\"b\"]", "an array where a string belongs" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task An_optional_field_of_the_wrong_type_is_kept_as_it_arrived_and_the_rest_is_read(string field, string value, string what)
    {
        Answer($$$"""{"success":true,"data":{"id":"d5c4","{{{field}}}":{{{value}}},"err_message":"none","viewer_seconds":12,"updated_at":"2025-03-04T10:35:10.000Z"}}""");

        var result = await _api.Get<IRealtimeKitClient>().Livestreams.GetLivestreamSessionAsync(Account, App, "d5c4");

        var session = result.Data!;
        Assert.Equal("d5c4", session.Id);
        Assert.Equal("none", session.ErrMessage);
        Assert.Equal(12, session.ViewerSeconds);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 35, 10, TimeSpan.Zero), session.UpdatedAt);
        var kept = Assert.Single(session.AdditionalProperties!);
        Assert.Equal(field, kept.Key);
        Assert.True(JToken.DeepEquals(JToken.Parse(value), kept.Value), $"{what}: kept {kept.Value}");
        Assert.True(result.Success);
    }

    [Fact]
    public async Task Several_unreadable_fields_in_nested_models_and_list_items_are_each_kept_where_they_were()
    {
        Answer("""
            {"success":true,"data":[
              {"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","title":"A","live_stream_on_start":"sometimes","created_at":"2025-03-04T10:00:00.000Z","updated_at":"2025-03-04T10:00:00.000Z"},
              {"id":"282bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","title":["B"],"ai_config":"none","created_at":"2025-03-04T10:00:00.000Z","updated_at":"2025-03-04T10:00:00.000Z"}],
             "paging":{"total_count":2,"start_offset":1,"end_offset":2}}
            """);

        var result = await _api.Get<IRealtimeKitClient>().Meetings.ListMeetingsAsync(Account, App);

        Assert.Equal(["$.Data[0].live_stream_on_start", "$.Data[1].title", "$.Data[1].ai_config"], Wire.UnreadFields(result));
        var meetings = result.Data!.ToList();
        Assert.Equal("A", meetings[0].Title);
        Assert.Null(meetings[0].LiveStreamOnStart);
        Assert.Null(meetings[1].Title);
        Assert.Null(meetings[1].AiConfig);
        Assert.Equal(2, result.Paging!.TotalCount);
    }

    [Fact]
    public async Task A_required_field_that_cannot_be_read_still_fails_the_call_with_the_raw_body()
    {
        const string body = """{"success":true,"data":{"id":"0d1f069d-43bb-489a-ad8c-7eb95592ba8e","name":"n","url":"https://example.com/hook","events":["meeting.started"],"enabled":true,"created_at":"yesterday","updated_at":"2025-03-04T10:00:00.000Z"}}""";
        Answer(body);

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(() => _api.Get<IRealtimeKitClient>().Webhooks.GetWebhookAsync(Account, App, Guid.Parse("0d1f069d-43bb-489a-ad8c-7eb95592ba8e")));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(body, error.Response);
        Assert.Contains("not a valid WebhookResponse", error.Message, StringComparison.Ordinal);
        Assert.Contains("created_at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_nested_model_of_the_wrong_type_still_fails_the_call()
    {
        const string body = """{"success":true,"data":"not a webhook"}""";
        Answer(body);

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(() => _api.Get<IRealtimeKitClient>().Webhooks.GetWebhookAsync(Account, App, Guid.NewGuid()));

        Assert.Equal(body, error.Response);
    }

    [Fact]
    public void Fields_the_document_does_not_list_are_kept_and_everything_is_written_back_as_it_arrived()
    {
        const string json = """{"id":"d5c4","started_time":"1741082710","region":"eu","ingest_seconds":12.5}""";

        var session = RealtimeKitJson.Deserialize<LivestreamSession>(json)!;

        Assert.Equal(12.5, session.IngestSeconds);
        Assert.Null(session.StartedTime);
        Assert.Equal(["region", "started_time"], session.AdditionalProperties!.Keys.Order());
        Wire.AssertSameJson(json, RealtimeKitJson.Serialize(session));
    }

    [Fact]
    public void A_strict_read_that_succeeds_keeps_nothing_extra()
    {
        var session = RealtimeKitJson.Deserialize<LivestreamSession>("""{"id":"d5c4","started_time":"2025-03-04T10:05:10.000Z","ingest_seconds":"600"}""")!;

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 5, 10, TimeSpan.Zero), session.StartedTime);
        Assert.Equal(600, session.IngestSeconds);
        Assert.Null(session.AdditionalProperties);
    }

    [Fact]
    public void Json_that_is_not_json_still_fails_with_the_readers_exception()
    {
        Assert.ThrowsAny<JsonException>(() => RealtimeKitJson.Deserialize<LivestreamSession>("""{"id":"d5c4","started_time":"""));
    }

    [Fact]
    public void A_request_body_type_keeps_no_extra_fields_so_nothing_is_sent_the_caller_did_not_set()
    {
        var request = RealtimeKitJson.Deserialize<AddParticipantRequest>("""{"custom_participant_id":"ana","preset_name":"host","id":"from-an-answer"}""")!;

        Assert.Equal("""{"custom_participant_id":"ana","preset_name":"host"}""", RealtimeKitJson.Serialize(request));
    }
}
