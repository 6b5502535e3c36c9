using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Each of the seven operations against WireMock: the exact request on the wire (method, path
/// under /client/v4, headers, JSON body to the byte) and the exact model read back from the
/// reference pages' example responses.
/// </summary>
public sealed class ContractTests : IDisposable
{
    private const string Collection = "/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df/webhooks";
    private const string Single = Collection + "/0d1f069d-43bb-489a-ad8c-7eb95592ba8e";

    private const string AllEventsJson =
        "[\"meeting.started\",\"meeting.ended\",\"meeting.participantJoined\",\"meeting.participantLeft\",\"meeting.chatSynced\"," +
        "\"recording.statusUpdate\",\"livestreaming.statusUpdate\",\"meeting.transcript\",\"meeting.summary\"]";

    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private void Stub(string method, string path, int status, string body) =>
        _api.Server
            .Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private static AddWebhookRequest AllEventsRequest() => new()
    {
        Name = "All events webhook",
        Url = new Uri(SpecExamples.WebhookUrl),
        Events = [.. WebhookEvent.KnownValues],
    };

    [Fact]
    [ContractFor("listWebhooks")]
    public async Task ListWebhooks_sends_GET_and_reads_every_webhook()
    {
        Stub("GET", Collection, 200, SpecExamples.WebhookListEnvelope);

        var result = await _api.CreateClient().ListWebhooksAsync(SpecExamples.AccountId, SpecExamples.AppId);

        Wire.AssertRequest(_api.SingleRequest(), "GET", Collection, _api.Token, jsonBody: null);
        Assert.True(result.Success);
        Wire.AssertExampleWebhook(Assert.Single(result.Data));
    }

    [Fact]
    [ContractFor("addWebhook")]
    public async Task AddWebhook_sends_POST_without_enabled_when_not_set_and_reads_201()
    {
        Stub("POST", Collection, 201, SpecExamples.WebhookEnvelope);

        var result = await _api.CreateClient().AddWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, AllEventsRequest());

        Wire.AssertRequest(_api.SingleRequest(), "POST", Collection, _api.Token,
            "{\"name\":\"All events webhook\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\",\"events\":" + AllEventsJson + "}");
        Assert.True(result.Success);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Theory]
    [InlineData(false, "false")]
    [InlineData(true, "true")]
    public async Task AddWebhook_sends_enabled_when_the_caller_set_it(bool enabled, string json)
    {
        Stub("POST", Collection, 201, SpecExamples.WebhookEnvelope);
        var request = AllEventsRequest();
        request.Events = [WebhookEvent.MeetingStarted];
        request.Enabled = enabled;

        await _api.CreateClient().AddWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, request);

        Wire.AssertRequest(_api.SingleRequest(), "POST", Collection, _api.Token,
            "{\"name\":\"All events webhook\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\",\"events\":[\"meeting.started\"],\"enabled\":" + json + "}");
    }

    [Fact]
    [ContractFor("getWebhook")]
    public async Task GetWebhook_sends_GET_with_the_id_in_the_path()
    {
        Stub("GET", Single, 200, SpecExamples.WebhookEnvelope);

        var result = await _api.CreateClient().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId);

        Wire.AssertRequest(_api.SingleRequest(), "GET", Single, _api.Token, jsonBody: null);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("replaceWebhook")]
    public async Task ReplaceWebhook_sends_PUT_with_every_field_the_caller_set()
    {
        Stub("PUT", Single, 200, SpecExamples.WebhookEnvelope);
        var request = new ReplaceWebhookRequest
        {
            Name = "All events webhook",
            Url = new Uri(SpecExamples.WebhookUrl),
            Events = [.. WebhookEvent.KnownValues],
            Enabled = true,
        };

        var result = await _api.CreateClient().ReplaceWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId, request);

        Wire.AssertRequest(_api.SingleRequest(), "PUT", Single, _api.Token,
            "{\"name\":\"All events webhook\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\",\"events\":" + AllEventsJson + ",\"enabled\":true}");
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("editWebhook")]
    public async Task EditWebhook_that_sets_only_the_name_sends_exactly_the_name()
    {
        Stub("PATCH", Single, 200, SpecExamples.WebhookEnvelope);

        var result = await _api.CreateClient().EditWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId, new EditWebhookRequest { Name = "Renamed" });

        Wire.AssertRequest(_api.SingleRequest(), "PATCH", Single, _api.Token, "{\"name\":\"Renamed\"}");
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    public async Task EditWebhook_that_disables_sends_exactly_enabled_false()
    {
        Stub("PATCH", Single, 200, SpecExamples.WebhookEnvelope);

        await _api.CreateClient().EditWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId, new EditWebhookRequest { Enabled = false });

        Wire.AssertRequest(_api.SingleRequest(), "PATCH", Single, _api.Token, "{\"enabled\":false}");
    }

    [Fact]
    [ContractFor("deleteWebhook")]
    public async Task DeleteWebhook_sends_DELETE_and_reads_the_removed_webhook()
    {
        Stub("DELETE", Single, 200, SpecExamples.WebhookEnvelope);

        var result = await _api.CreateClient().DeleteWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId);

        Wire.AssertRequest(_api.SingleRequest(), "DELETE", Single, _api.Token, jsonBody: null);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("listWebhookEvents")]
    public async Task ListWebhookEvents_sends_GET_to_all_and_reads_the_nine_names()
    {
        Stub("GET", Collection + "/all", 200, SpecExamples.EventListEnvelope);

        var result = await _api.CreateClient().ListWebhookEventsAsync(SpecExamples.AccountId, SpecExamples.AppId);

        Wire.AssertRequest(_api.SingleRequest(), "GET", Collection + "/all", _api.Token, jsonBody: null);
        Assert.True(result.Success);
        Assert.Equal(WebhookEvent.KnownValues, result.Data);
    }

    [Fact]
    public async Task An_event_name_this_version_does_not_know_is_read_kept_and_sent_back_unchanged()
    {
        var body = SpecExamples.WebhookEnvelope.Replace("\"meeting.summary\"", "\"meeting.recapReady\"", StringComparison.Ordinal);
        Stub("GET", Single, 200, body);
        Stub("PUT", Single, 200, body);
        var client = _api.CreateClient();

        var webhook = (await client.GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId)).Data;
        var unknown = webhook.Events.Last();
        Assert.Equal("meeting.recapReady", unknown.ToString());
        Assert.False(unknown.IsKnown);
        Assert.True(webhook.Events.First().IsKnown);

        await client.ReplaceWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, webhook.Id,
            new ReplaceWebhookRequest { Name = webhook.Name, Url = webhook.Url, Events = webhook.Events, Enabled = webhook.Enabled });

        var sent = Wire.Json(_api.Requests.Last().RequestMessage.Body!);
        Assert.Equal("meeting.recapReady", (string?)sent["events"]!.Last());
        Assert.Equal(9, sent["events"]!.Count());
    }

    [Fact]
    public async Task Unknown_properties_in_a_response_are_tolerated()
    {
        var body = """
            {
              "success": true,
              "errors": [],
              "result_info": { "page": 1 },
              "data": {
                "id": "0d1f069d-43bb-489a-ad8c-7eb95592ba8e",
                "created_at": "2022-05-28T07:01:53.075Z",
                "enabled": true,
                "events": ["meeting.started", "meeting.ended", "meeting.participantJoined", "meeting.participantLeft", "meeting.chatSynced", "recording.statusUpdate", "livestreaming.statusUpdate", "meeting.transcript", "meeting.summary"],
                "name": "All events webhook",
                "updated_at": "2022-05-28T07:01:53.075Z",
                "url": "https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e",
                "secret_hint": "****",
                "delivery": { "retries": 3, "signing": ["rsa"] }
              }
            }
            """;
        Stub("GET", Single, 200, body);

        var result = await _api.CreateClient().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId);

        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    public async Task Path_parameters_are_escaped()
    {
        const string path = "/client/v4/accounts/acc%3F1/realtime/kit/my%20app%23x/webhooks";
        _api.Server
            .Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"success\":true,\"data\":[]}"));

        var result = await _api.CreateClient().ListWebhooksAsync("acc?1", "my app#x");

        Assert.Empty(result.Data);
        var url = _api.SingleRequest().RequestMessage.AbsoluteUrl;
        Assert.EndsWith(path, new Uri(url).GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped), StringComparison.Ordinal);
    }
}
