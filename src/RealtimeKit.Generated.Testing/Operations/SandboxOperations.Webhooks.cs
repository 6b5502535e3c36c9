using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>The webhooks of an app over <see cref="SandboxStore"/>: created, replaced, edited, deleted and listed as the API does, with the published event names.</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterWebhooks(Dictionary<string, SandboxOperation> table)
    {
        table.Add("listWebhooks", call => Written(call.Route, SandboxJson.WebhookListEnvelope(webhooks.List(call.Account, call.App))));
        table.Add("listWebhookEvents", call => Written(call.Route, SandboxJson.EventListEnvelope(document.EventNames)));
        table.Add("addWebhook", call => Written(call.Route, SandboxJson.WebhookEnvelope(AddWebhook(call.Account, call.App, call.Json))));
        table.Add("getWebhook", call => FoundWebhook(call, webhooks.Get(call.Account, call.App, WebhookId(call))));
        table.Add("replaceWebhook", call => FoundWebhook(call, webhooks.Update(call.Account, call.App, WebhookId(call), w => ReplaceWebhook(w, call.Json))));
        table.Add("editWebhook", call => FoundWebhook(call, webhooks.Update(call.Account, call.App, WebhookId(call), w => EditWebhook(w, call.Json))));
        table.Add("deleteWebhook", call => FoundWebhook(call, webhooks.Remove(call.Account, call.App, WebhookId(call))));
    }

    /// <summary>The webhook id of the path: a valid UUID, as the request check has made sure (the published 400 otherwise).</summary>
    private static Guid WebhookId(SandboxCall call) => Guid.Parse(call.Id("webhook_id"));

    private static SandboxAnswer Written(SandboxRoute route, string body) => new(route.SuccessStatus, body);

    private static SandboxAnswer FoundWebhook(SandboxCall call, StoredWebhook? webhook) =>
        webhook is null
            ? new SandboxAnswer(404, SandboxJson.Error(404, $"NOT_FOUND webhook {WebhookId(call)} does not exist"))
            : Written(call.Route, SandboxJson.WebhookEnvelope(webhook));

    /// <summary>Adds a webhook to the state, as the API does (and <see cref="RealtimeKitSandbox.AddWebhook"/>).</summary>
    public StoredWebhook SeedWebhook(string account, string app, string name, string url, List<string> events, bool enabled)
    {
        var now = NowToTheMillisecond();
        return webhooks.Add(account, app, new StoredWebhook { Id = Guid.NewGuid(), Name = name, Url = url, Events = events, Enabled = enabled, CreatedAt = now, UpdatedAt = now });
    }

    private StoredWebhook AddWebhook(string account, string app, JObject body) =>
        SeedWebhook(account, app, (string)body["name"]!, (string)body["url"]!, WebhookEvents(body), body["enabled"] is JToken enabled ? (bool)enabled : true);

    private void ReplaceWebhook(StoredWebhook webhook, JObject body)
    {
        webhook.Name = (string)body["name"]!;
        webhook.Url = (string)body["url"]!;
        webhook.Events = WebhookEvents(body);
        webhook.Enabled = body["enabled"] is JToken enabled ? (bool)enabled : true;
        webhook.UpdatedAt = NowToTheMillisecond();
    }

    private void EditWebhook(StoredWebhook webhook, JObject body)
    {
        if (body["name"] is JToken name)
        {
            webhook.Name = (string)name!;
        }

        if (body["url"] is JToken url)
        {
            webhook.Url = (string)url!;
        }

        if (body["events"] is not null)
        {
            webhook.Events = WebhookEvents(body);
        }

        if (body["enabled"] is JToken enabled)
        {
            webhook.Enabled = (bool)enabled;
        }

        webhook.UpdatedAt = NowToTheMillisecond();
    }

    private static List<string> WebhookEvents(JObject body) => body["events"]!.Select(e => (string)e!).ToList();

    /// <summary>Now by the sandbox's clock, to the millisecond, as the API writes a webhook's times.</summary>
    private DateTimeOffset NowToTheMillisecond()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
