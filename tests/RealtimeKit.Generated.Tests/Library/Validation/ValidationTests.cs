using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>Bad input is stopped before anything is sent, with an ArgumentException naming the parameter and the field.</summary>
public sealed class ValidationTests : IDisposable
{
    private static readonly Guid _id = SpecExamples.WebhookId;
    private static readonly string _tooLong = new('a', 33);

    private readonly ApiServer _api = ApiServer.Start();

    public ValidationTests()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithBody(SpecExamples.WebhookEnvelope));
    }

    public void Dispose() => _api.Dispose();

    private static AddWebhookRequest ValidAdd() => new() { Name = "n", Url = new Uri("https://example.com/hook"), Events = [WebhookEvent.MeetingStarted] };

    private static ReplaceWebhookRequest ValidReplace() => new() { Name = "n", Url = new Uri("https://example.com/hook"), Events = [WebhookEvent.MeetingStarted] };

    public static TheoryData<string, Func<IWebhooksClient, Task>, string, string?, string> BadCalls => new()
    {
        { "null account id", c => c.ListWebhooksAsync(null!, "app"), "accountId", null, "accountId is required." },
        { "empty account id", c => c.ListWebhooksAsync("", "app"), "accountId", null, "accountId must not be empty." },
        { "blank app id", c => c.ListWebhookEventsAsync("acc", "  "), "appId", null, "appId must not be empty." },
        { "account id over 32", c => c.GetWebhookAsync(_tooLong, "app", _id), "accountId", null, "accountId must be at most 32 characters long; it has 33." },
        { "app id '..'", c => c.DeleteWebhookAsync("acc", "..", _id), "appId", null, "appId must be one path segment: '..' is not." },
        { "app id '.'", c => c.ListWebhooksAsync("acc", "."), "appId", null, "appId must be one path segment: '.' is not." },
        { "app id with a slash", c => c.ListWebhooksAsync("acc", "app/../other"), "appId", null, "appId must be one path segment: 'app/../other' is not." },
        { "account id with a backslash", c => c.ListWebhooksAsync("a\\b", "app"), "accountId", null, "accountId must be one path segment: 'a\\b' is not." },
        { "empty webhook id", c => c.GetWebhookAsync("acc", "app", Guid.Empty), "webhookId", null, "webhookId must not be Guid.Empty." },
        { "null add body", c => c.AddWebhookAsync("acc", "app", null!), "body", null, "body is required." },
        { "missing name", c => c.AddWebhookAsync("acc", "app", new AddWebhookRequest { Url = new Uri("https://e.com"), Events = [WebhookEvent.MeetingEnded] }), "body", "name", "body.name is required." },
        { "missing url", c => c.AddWebhookAsync("acc", "app", new AddWebhookRequest { Name = "n", Events = [WebhookEvent.MeetingEnded] }), "body", "url", "body.url is required." },
        { "relative url", c => c.AddWebhookAsync("acc", "app", new AddWebhookRequest { Name = "n", Url = new Uri("/hook", UriKind.Relative), Events = [WebhookEvent.MeetingEnded] }), "body", "url", "body.url must be an absolute http or https URL; '/hook' is not." },
        { "ftp url", c => c.AddWebhookAsync("acc", "app", new AddWebhookRequest { Name = "n", Url = new Uri("ftp://e.com/x"), Events = [WebhookEvent.MeetingEnded] }), "body", "url", "body.url must be an absolute http or https URL; 'ftp://e.com/x' is not." },
        { "missing events on add", c => c.AddWebhookAsync("acc", "app", new AddWebhookRequest { Name = "n", Url = new Uri("https://e.com") }), "body", "events", "body.events is required." },
        { "missing events on replace", c => c.ReplaceWebhookAsync("acc", "app", _id, new ReplaceWebhookRequest { Name = "n", Url = new Uri("https://e.com") }), "body", "events", "body.events is required." },
        { "missing name on replace", c => c.ReplaceWebhookAsync("acc", "app", _id, new ReplaceWebhookRequest { Url = new Uri("https://e.com"), Events = [] }), "body", "name", "body.name is required." },
        { "null replace body", c => c.ReplaceWebhookAsync("acc", "app", _id, null!), "body", null, "body is required." },
        { "edit with a relative url", c => c.EditWebhookAsync("acc", "app", _id, new EditWebhookRequest { Url = new Uri("hook", UriKind.Relative) }), "body", "url", "body.url must be an absolute http or https URL; 'hook' is not." },
        { "edit with an empty webhook id", c => c.EditWebhookAsync("acc", "app", Guid.Empty, new EditWebhookRequest { Name = "x" }), "webhookId", null, "webhookId must not be Guid.Empty." },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Bad_input_throws_naming_the_parameter_and_field_and_sends_nothing(string what, Func<IWebhooksClient, Task> call, string parameter, string? field, string says)
    {
        // The method does not throw: it returns a task that has already failed, as async methods do.
        var task = call(_api.CreateClient());
        Assert.True(task.IsFaulted, $"{what}: the task is {task.Status}");
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => task);

        Assert.True(parameter == error.ParamName, $"{what}: {error.ParamName}");
        Assert.StartsWith(says, error.Message, StringComparison.Ordinal);
        if (field is not null)
        {
            var validation = Assert.IsType<RealtimeKitValidationException>(error);
            Assert.Equal(field, validation.Field);
            Assert.Contains($"{parameter}.{field}", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Requests_the_service_accepts_are_sent_as_given()
    {
        // Never stricter than the service: a real (36-character UUID) app id, a 32-character
        // account id, a blank name and an empty event list, and an edit that sets nothing.
        var client = _api.CreateClient();
        var account = new string('a', 32);
        const string App = "5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df";
        var path = $"/client/v4/accounts/{account}/realtime/kit/{App}/webhooks";

        await client.AddWebhookAsync(account, App, new AddWebhookRequest { Name = " ", Url = new Uri("https://example.com/hook"), Events = [] });
        await client.ReplaceWebhookAsync(account, App, _id, ValidReplace());
        await client.EditWebhookAsync(account, App, _id, new EditWebhookRequest());
        await client.DeleteWebhookAsync(account, App, _id);

        var requests = _api.Requests.OrderBy(r => r.RequestMessage.DateTime).ToList();
        Assert.Equal(4, requests.Count);
        Wire.AssertRequest(requests[0], "POST", path, _api.Token, "{\"name\":\" \",\"url\":\"https://example.com/hook\",\"events\":[]}");
        Wire.AssertRequest(requests[1], "PUT", $"{path}/{_id}", _api.Token, "{\"name\":\"n\",\"url\":\"https://example.com/hook\",\"events\":[\"meeting.started\"]}");
        Wire.AssertRequest(requests[2], "PATCH", $"{path}/{_id}", _api.Token, "{}");
        Wire.AssertRequest(requests[3], "DELETE", $"{path}/{_id}", _api.Token, jsonBody: null);
    }

    [Fact]
    public void A_body_field_over_its_max_length_is_refused_naming_it_and_one_at_the_limit_or_unset_is_not()
    {
        // The rule the Class template emits for a body string with maxLength (no field of today's document has one).
        RealtimeKitRequestValidation.MaxLength(null, 3, "body", "name");
        RealtimeKitRequestValidation.MaxLength("abc", 3, "body", "name");

        var error = Assert.Throws<RealtimeKitValidationException>(() => RealtimeKitRequestValidation.MaxLength("abcd", 3, "body", "name"));

        Assert.Equal("body", error.ParamName);
        Assert.Equal("name", error.Field);
        Assert.StartsWith("body.name must be at most 3 characters long; it has 4.", error.Message, StringComparison.Ordinal);
    }
}
