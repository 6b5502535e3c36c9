using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>
/// IWebhooksClient against the document's own examples and, below, the reference pages' examples
/// (SpecExamples): the request on the wire and every field read back.
/// </summary>
public sealed class WebhooksContractTests : ContractTestBase
{
    private const string Webhooks = AppPath + "/webhooks";
    private const string Webhook = Webhooks + "/0d1f069d-43bb-489a-ad8c-7eb95592ba8e";

    private const string AllEventsJson =
        "[\"meeting.started\",\"meeting.ended\",\"meeting.participantJoined\",\"meeting.participantLeft\",\"meeting.chatSynced\"," +
        "\"recording.statusUpdate\",\"livestreaming.statusUpdate\",\"meeting.transcript\",\"meeting.summary\"]";

    [Fact]
    [ContractFor("listWebhooks")]
    public async Task ListWebhooksAsync_reads_the_documented_list_field_by_field()
    {
        var example = Answer("listWebhooks", "GET", Webhooks);

        var result = await Client.Webhooks.ListWebhooksAsync(Account, App);

        AssertSent("GET", Webhooks, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Wire.AssertExampleWebhook(Assert.Single(result.Data));
    }

    [Fact]
    [ContractFor("addWebhook")]
    public async Task AddWebhookAsync_sends_the_documented_body_and_reads_201()
    {
        var example = Answer("addWebhook", "POST", Webhooks);

        var result = await Client.Webhooks.AddWebhookAsync(Account, App, new AddWebhookRequest
        {
            Name = "All events webhook",
            Url = new Uri(SpecExamples.WebhookUrl),
            Events = [.. WebhookEvent.KnownValues],
        });

        var sent = "{\"name\":\"All events webhook\",\"url\":\"" + SpecExamples.WebhookUrl + "\",\"events\":" + AllEventsJson + "}";
        AssertSent("POST", Webhooks, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("addWebhook"), sent);
        Wire.AssertModelMatchesExample(example, result);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("listWebhookEvents")]
    public async Task ListWebhookEventsAsync_reads_every_documented_event_name()
    {
        var example = Answer("listWebhookEvents", "GET", Webhooks + "/all");

        var result = await Client.Webhooks.ListWebhookEventsAsync(Account, App);

        AssertSent("GET", Webhooks + "/all", jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.All(result.Data, e => Assert.True(e.IsKnown));
    }

    [Fact]
    [ContractFor("getWebhook")]
    public async Task GetWebhookAsync_sends_the_id_written_D_and_reads_the_webhook()
    {
        var example = Answer("getWebhook", "GET", Webhook);

        var result = await Client.Webhooks.GetWebhookAsync(Account, App, SpecExamples.WebhookId);

        AssertSent("GET", Webhook, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("replaceWebhook")]
    public async Task ReplaceWebhookAsync_sends_PUT_with_every_field_including_enabled_false()
    {
        var example = Answer("replaceWebhook", "PUT", Webhook);

        var result = await Client.Webhooks.ReplaceWebhookAsync(Account, App, SpecExamples.WebhookId, new ReplaceWebhookRequest
        {
            Name = "Meetings only",
            Url = new Uri("https://example.com/realtimekit/webhooks?tenant=a%20b"),
            Events = [WebhookEvent.MeetingStarted, WebhookEvent.MeetingEnded],
            Enabled = false,
        });

        AssertSent("PUT", Webhook,
            "{\"name\":\"Meetings only\",\"url\":\"https://example.com/realtimekit/webhooks?tenant=a%20b\",\"events\":[\"meeting.started\",\"meeting.ended\"],\"enabled\":false}");
        Wire.AssertModelMatchesExample(example, result);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("editWebhook")]
    public async Task EditWebhookAsync_sends_PATCH_with_only_the_events_set()
    {
        var example = Answer("editWebhook", "PATCH", Webhook);

        var result = await Client.Webhooks.EditWebhookAsync(Account, App, SpecExamples.WebhookId,
            new EditWebhookRequest { Events = [WebhookEvent.RecordingStatusUpdate] });

        AssertSent("PATCH", Webhook, "{\"events\":[\"recording.statusUpdate\"]}");
        Wire.AssertModelMatchesExample(example, result);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("deleteWebhook")]
    public async Task DeleteWebhookAsync_sends_DELETE_without_a_body_and_reads_the_removed_webhook()
    {
        var example = Answer("deleteWebhook", "DELETE", Webhook);

        var result = await Client.Webhooks.DeleteWebhookAsync(Account, App, SpecExamples.WebhookId);

        AssertSent("DELETE", Webhook, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Wire.AssertExampleWebhook(result.Data);
    }

    // The same operations against the reference pages' examples (SpecExamples).





    private void Stub(string method, string path, int status, string body) =>
        Api.Server
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
        Stub("GET", Webhooks, 200, SpecExamples.WebhookListEnvelope);

        var result = await Api.CreateClient().ListWebhooksAsync(SpecExamples.AccountId, SpecExamples.AppId);

        Wire.AssertRequest(Api.SingleRequest(), "GET", Webhooks, Api.Token, jsonBody: null);
        Assert.True(result.Success);
        Wire.AssertExampleWebhook(Assert.Single(result.Data));
    }

    [Fact]
    [ContractFor("addWebhook")]
    public async Task AddWebhook_sends_POST_without_enabled_when_not_set_and_reads_201()
    {
        Stub("POST", Webhooks, 201, SpecExamples.WebhookEnvelope);

        var result = await Api.CreateClient().AddWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, AllEventsRequest());

        Wire.AssertRequest(Api.SingleRequest(), "POST", Webhooks, Api.Token,
            "{\"name\":\"All events webhook\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\",\"events\":" + AllEventsJson + "}");
        Assert.True(result.Success);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Theory]
    [InlineData(false, "false")]
    [InlineData(true, "true")]
    public async Task AddWebhook_sends_enabled_when_the_caller_set_it(bool enabled, string json)
    {
        Stub("POST", Webhooks, 201, SpecExamples.WebhookEnvelope);
        var request = AllEventsRequest();
        request.Events = [WebhookEvent.MeetingStarted];
        request.Enabled = enabled;

        await Api.CreateClient().AddWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, request);

        Wire.AssertRequest(Api.SingleRequest(), "POST", Webhooks, Api.Token,
            "{\"name\":\"All events webhook\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\",\"events\":[\"meeting.started\"],\"enabled\":" + json + "}");
    }

    [Fact]
    [ContractFor("getWebhook")]
    public async Task GetWebhook_sends_GET_with_the_id_in_the_path()
    {
        Stub("GET", Webhook, 200, SpecExamples.WebhookEnvelope);

        var result = await Api.CreateClient().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId);

        Wire.AssertRequest(Api.SingleRequest(), "GET", Webhook, Api.Token, jsonBody: null);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("replaceWebhook")]
    public async Task ReplaceWebhook_sends_PUT_with_every_field_the_caller_set()
    {
        Stub("PUT", Webhook, 200, SpecExamples.WebhookEnvelope);
        var request = new ReplaceWebhookRequest
        {
            Name = "All events webhook",
            Url = new Uri(SpecExamples.WebhookUrl),
            Events = [.. WebhookEvent.KnownValues],
            Enabled = true,
        };

        var result = await Api.CreateClient().ReplaceWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId, request);

        Wire.AssertRequest(Api.SingleRequest(), "PUT", Webhook, Api.Token,
            "{\"name\":\"All events webhook\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\",\"events\":" + AllEventsJson + ",\"enabled\":true}");
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("editWebhook")]
    public async Task EditWebhook_that_sets_only_the_name_sends_exactly_the_name()
    {
        Stub("PATCH", Webhook, 200, SpecExamples.WebhookEnvelope);

        var result = await Api.CreateClient().EditWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId, new EditWebhookRequest { Name = "Renamed" });

        Wire.AssertRequest(Api.SingleRequest(), "PATCH", Webhook, Api.Token, "{\"name\":\"Renamed\"}");
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    public async Task EditWebhook_that_disables_sends_exactly_enabled_false()
    {
        Stub("PATCH", Webhook, 200, SpecExamples.WebhookEnvelope);

        await Api.CreateClient().EditWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId, new EditWebhookRequest { Enabled = false });

        Wire.AssertRequest(Api.SingleRequest(), "PATCH", Webhook, Api.Token, "{\"enabled\":false}");
    }

    [Fact]
    [ContractFor("deleteWebhook")]
    public async Task DeleteWebhook_sends_DELETE_and_reads_the_removed_webhook()
    {
        Stub("DELETE", Webhook, 200, SpecExamples.WebhookEnvelope);

        var result = await Api.CreateClient().DeleteWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId);

        Wire.AssertRequest(Api.SingleRequest(), "DELETE", Webhook, Api.Token, jsonBody: null);
        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    [ContractFor("listWebhookEvents")]
    public async Task ListWebhookEvents_sends_GET_to_all_and_reads_the_nine_names()
    {
        Stub("GET", Webhooks + "/all", 200, SpecExamples.EventListEnvelope);

        var result = await Api.CreateClient().ListWebhookEventsAsync(SpecExamples.AccountId, SpecExamples.AppId);

        Wire.AssertRequest(Api.SingleRequest(), "GET", Webhooks + "/all", Api.Token, jsonBody: null);
        Assert.True(result.Success);
        Assert.Equal(WebhookEvent.KnownValues, result.Data);
    }

    [Fact]
    public async Task An_event_name_this_version_does_not_know_is_read_kept_and_sent_back_unchanged()
    {
        var body = SpecExamples.WebhookEnvelope.Replace("\"meeting.summary\"", "\"meeting.recapReady\"", StringComparison.Ordinal);
        Stub("GET", Webhook, 200, body);
        Stub("PUT", Webhook, 200, body);
        var client = Api.CreateClient();

        var webhook = (await client.GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId)).Data;
        var unknown = webhook.Events.Last();
        Assert.Equal("meeting.recapReady", unknown.ToString());
        Assert.False(unknown.IsKnown);
        Assert.True(webhook.Events.First().IsKnown);

        await client.ReplaceWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, webhook.Id,
            new ReplaceWebhookRequest { Name = webhook.Name, Url = webhook.Url, Events = webhook.Events, Enabled = webhook.Enabled });

        var sent = Wire.Json(Api.Requests.Last().RequestMessage.Body!);
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
        Stub("GET", Webhook, 200, body);

        var result = await Api.CreateClient().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId);

        Wire.AssertExampleWebhook(result.Data);
    }

    [Fact]
    public async Task Path_parameters_are_escaped()
    {
        const string path = "/client/v4/accounts/acc%3F1/realtime/kit/my%20app%23x/webhooks";
        Api.Server
            .Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"success\":true,\"data\":[]}"));

        var result = await Api.CreateClient().ListWebhooksAsync("acc?1", "my app#x");

        Assert.Empty(result.Data);
        var url = Api.SingleRequest().RequestMessage.AbsoluteUrl;
        Assert.EndsWith(path, new Uri(url).GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped), StringComparison.Ordinal);
    }
}
