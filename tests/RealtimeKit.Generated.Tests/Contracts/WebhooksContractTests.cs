using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>
/// IWebhooksClient against the document's own examples (ContractTests checks the same operations
/// against the reference pages' examples): the request on the wire and every field read back.
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
}
