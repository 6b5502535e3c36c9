using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>The generated client, registered through AddRealtimeKit, against the stateful sandbox.</summary>
public sealed class SandboxTests : IAsyncDisposable
{
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    private const string App = "5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df";
    private static readonly DateTimeOffset _start = new(2026, 11, 23, 9, 0, 0, 123, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(_start);
    private readonly RealtimeKitSandbox _sandbox;
    private readonly ServiceProvider _provider;

    public SandboxTests()
    {
        _sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { TimeProvider = _time });
        _provider = Provider(_sandbox);
    }

    private IWebhooksClient Client => _provider.GetRequiredService<IWebhooksClient>();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private static ServiceProvider Provider(RealtimeKitSandbox sandbox, string? token = null, int retries = 2)
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = token ?? sandbox.ApiToken;
            options.Retry.MaxRetries = retries;
            options.Retry.BaseDelay = TimeSpan.Zero;
        });
        return services.BuildServiceProvider();
    }

    private static AddWebhookRequest NewWebhook(string name = "All events webhook", bool? enabled = null) => new()
    {
        Name = name,
        Url = new Uri("https://hooks.example.com/realtimekit"),
        Events = [.. WebhookEvent.KnownValues],
        Enabled = enabled,
    };

    [Fact]
    public async Task What_the_service_accepts_the_sandbox_accepts()
    {
        // A real app id (a 36-character UUID), a blank name, no events, and an edit that sets nothing.
        var added = (await Client.AddWebhookAsync(Account, App, new AddWebhookRequest { Name = "", Url = new Uri("https://hooks.example.com/x"), Events = [] })).Data;
        _time.Advance(TimeSpan.FromSeconds(1));

        var edited = (await Client.EditWebhookAsync(Account, App, added.Id, new EditWebhookRequest())).Data;

        Assert.Equal(36, App.Length);
        Assert.Equal("{}", _sandbox.Requests[^1].Body);
        Assert.Equal(200, _sandbox.Requests[^1].StatusCode);
        Assert.Equal(added.Id, edited.Id);
        Assert.Equal("", edited.Name);
        Assert.Empty(edited.Events);
        Assert.Equal(added.Url, edited.Url);
        Assert.Equal(added.Enabled, edited.Enabled);
        Assert.Equal(added.CreatedAt, edited.CreatedAt);
        Assert.Equal(added.Id, Assert.Single(_sandbox.GetWebhooks(Account, App)).Id);
    }

    [Fact]
    public async Task A_full_life_cycle_behaves_as_documented()
    {
        var client = Client;
        Assert.Empty((await client.ListWebhooksAsync(Account, App)).Data);

        var added = (await client.AddWebhookAsync(Account, App, NewWebhook())).Data;
        Assert.Equal(201, _sandbox.Requests[^1].StatusCode);
        Assert.NotEqual(Guid.Empty, added.Id);
        Assert.True(added.Enabled);
        Assert.Equal(_start, added.CreatedAt);
        Assert.Equal(added.CreatedAt, added.UpdatedAt);
        Assert.Equal(WebhookEvent.KnownValues, added.Events);

        var listed = Assert.Single((await client.ListWebhooksAsync(Account, App)).Data);
        Assert.Equal(added.Id, listed.Id);

        _time.Advance(TimeSpan.FromMinutes(5));
        var edited = (await client.EditWebhookAsync(Account, App, added.Id, new EditWebhookRequest { Enabled = false })).Data;
        Assert.False(edited.Enabled);
        Assert.Equal(added.Name, edited.Name);
        Assert.Equal(added.Url, edited.Url);
        Assert.Equal(added.Events, edited.Events);
        Assert.Equal(_start, edited.CreatedAt);
        Assert.Equal(_start.AddMinutes(5), edited.UpdatedAt);

        var fetched = (await client.GetWebhookAsync(Account, App, added.Id)).Data;
        Assert.False(fetched.Enabled);
        Assert.Equal(edited.UpdatedAt, fetched.UpdatedAt);

        _time.Advance(TimeSpan.FromMinutes(1));
        var replaced = (await client.ReplaceWebhookAsync(Account, App, added.Id, new ReplaceWebhookRequest
        {
            Name = "Recordings only",
            Url = new Uri("https://hooks.example.com/recordings"),
            Events = [WebhookEvent.RecordingStatusUpdate],
        })).Data;
        Assert.Equal("Recordings only", replaced.Name);
        Assert.Equal([WebhookEvent.RecordingStatusUpdate], replaced.Events);
        Assert.True(replaced.Enabled);
        Assert.Equal(_start.AddMinutes(6), replaced.UpdatedAt);

        var deleted = (await client.DeleteWebhookAsync(Account, App, added.Id)).Data;
        Assert.Equal(added.Id, deleted.Id);
        Assert.Equal("Recordings only", deleted.Name);

        var missing = await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.GetWebhookAsync(Account, App, added.Id));
        Assert.Equal(404, missing.ErrorCode);
        Assert.Contains(added.Id.ToString(), missing.ApiMessage, StringComparison.Ordinal);
        Assert.Empty((await client.ListWebhooksAsync(Account, App)).Data);
    }

    [Fact]
    public async Task Enabled_false_on_add_is_kept()
    {
        var added = (await Client.AddWebhookAsync(Account, App, NewWebhook(enabled: false))).Data;

        Assert.False(added.Enabled);
        Assert.False(_sandbox.GetWebhooks(Account, App).Single().Enabled);
    }

    [Fact]
    public async Task List_returns_the_apps_webhooks_in_creation_order_and_apps_are_separate()
    {
        foreach (var name in new[] { "first", "second", "third" })
        {
            await Client.AddWebhookAsync(Account, App, NewWebhook(name));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Client.AddWebhookAsync(Account, "other_app", NewWebhook("elsewhere"));

        Assert.Equal(["first", "second", "third"], (await Client.ListWebhooksAsync(Account, App)).Data.Select(w => w.Name));
        Assert.Equal(["elsewhere"], (await Client.ListWebhooksAsync(Account, "other_app")).Data.Select(w => w.Name));
        Assert.Empty((await Client.ListWebhooksAsync("another_account", App)).Data);
    }

    [Fact]
    public async Task Events_lists_the_nine_documented_names()
    {
        var events = await Client.ListWebhookEventsAsync(Account, App);

        Assert.True(events.Success);
        Assert.Equal(WebhookEvent.KnownValues, events.Data);
    }

    [Fact]
    public async Task A_wrong_token_is_answered_401_Unauthorized()
    {
        await using var provider = Provider(_sandbox, token: "not-the-token");

        var error = await Assert.ThrowsAsync<RealtimeKitUnauthorizedException>(() => provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync(Account, App));

        Assert.Equal("Unauthorized", error.ApiMessage);
        Assert.Equal("{\"message\":\"Unauthorized\"}", error.Response);
    }

    [Fact]
    public async Task A_missing_token_is_answered_401()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(_sandbox.BaseAddress, $"accounts/{Account}/realtime/kit/{App}/webhooks"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"message\":\"Unauthorized\"}", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, string, string> BadRequests => new()
    {
        { "POST", "webhooks", """{"url":"https://e.com/h","events":["meeting.started"]}""", "BAD_REQUEST \"name\" is required" },
        { "POST", "webhooks", """{"name":"n","events":["meeting.started"]}""", "BAD_REQUEST \"url\" is required" },
        { "POST", "webhooks", """{"name":"n","url":"https://e.com/h"}""", "BAD_REQUEST \"events\" is required" },
        { "POST", "webhooks", """{"name":"n","url":"/relative","events":["meeting.started"]}""", "BAD_REQUEST \"url\" must be" },
        { "POST", "webhooks", """{"name":"n","url":"https://e.com/h","events":["meeting.started","meeting.exploded"]}""", "BAD_REQUEST \"events[1]\" is not a supported event" },
        { "POST", "webhooks", """{"name":"n","url":"https://e.com/h","events":["meeting.started"],"enabled":"yes"}""", "BAD_REQUEST \"enabled\" must be a boolean" },
        { "POST", "webhooks", """{"name":"n",""", "BAD_REQUEST the request body is not valid JSON" },
        { "POST", "webhooks", "[]", "BAD_REQUEST the request body must be a JSON object" },
        { "PATCH", "webhooks/not-a-uuid", """{"name":"n"}""", "BAD_REQUEST \"id\" must be a valid GUID" },
        { "PATCH", "webhooks/0d1f069d-43bb-489a-ad8c-7eb95592ba8e", """{"url":"ftp://e.com/h"}""", "BAD_REQUEST \"url\" must be" },
        { "PUT", "webhooks/0d1f069d-43bb-489a-ad8c-7eb95592ba8e", """{"name":"n","url":"https://e.com/h"}""", "BAD_REQUEST \"events\" is required" },
        { "GET", "webhooks/12345", "", "BAD_REQUEST \"id\" must be a valid GUID" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bodies_and_ids_that_break_the_document_are_answered_400_naming_the_field(string method, string relative, string body, string message)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_sandbox.BaseAddress, $"accounts/{Account}/realtime/kit/{App}/{relative}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.ApiToken);
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request);
        var json = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((bool)json["success"]!);
        Assert.Equal(400, (int)json["error"]!["code"]!);
        Assert.StartsWith(message, (string)json["error"]!["message"]!, StringComparison.Ordinal);
        Assert.Empty(_sandbox.GetWebhooks(Account, App));
    }

    [Fact]
    public async Task An_edit_that_sets_no_field_is_accepted_and_changes_nothing()
    {
        // The published schema's PatchWebhookRequest has no minProperties, and the Edit examples of
        // Cloudflare's SDK and reference page send nothing but the path parameters: a body of {}.
        var added = (await Client.AddWebhookAsync(Account, App, NewWebhook(enabled: false))).Data;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(_sandbox.BaseAddress, $"accounts/{Account}/realtime/kit/{App}/webhooks/{added.Id}"))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.ApiToken);

        var response = await http.SendAsync(request);
        var data = JObject.Parse(await response.Content.ReadAsStringAsync())["data"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(added.Id.ToString("D"), (string)data["id"]!);
        var stored = Assert.Single(_sandbox.GetWebhooks(Account, App));
        Assert.Equal((added.Name, added.Url, added.Enabled, added.CreatedAt), (stored.Name, stored.Url, stored.Enabled, stored.CreatedAt));
        Assert.Equal(added.Events, stored.Events);
        Assert.Equal(stored.Name, (string)data["name"]!);
        Assert.False((bool)data["enabled"]!);
    }

    [Fact]
    public async Task An_account_id_over_32_characters_is_answered_400()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.ApiToken);

        var response = await http.GetAsync(new Uri(_sandbox.BaseAddress, $"accounts/{new string('a', 33)}/realtime/kit/{App}/webhooks"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\\\"account_id\\\" must be at most 32 characters long", (await response.Content.ReadAsStringAsync()).Replace("\"account_id\"", "\\\"account_id\\\"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_webhooks_are_answered_404_on_every_per_webhook_operation()
    {
        var id = Guid.NewGuid();
        var client = Client;

        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.GetWebhookAsync(Account, App, id));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.EditWebhookAsync(Account, App, id, new EditWebhookRequest { Name = "x" }));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.ReplaceWebhookAsync(Account, App, id, new ReplaceWebhookRequest { Name = "x", Url = new Uri("https://e.com"), Events = [] }));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.DeleteWebhookAsync(Account, App, id));
    }

    [Fact]
    public async Task Webhooks_seeded_from_code_are_served()
    {
        var seeded = _sandbox.AddWebhook(Account, App, "seeded", new Uri("https://e.com/s"), [WebhookEvent.MeetingEnded, "meeting.future"], enabled: false);

        var fetched = (await Client.GetWebhookAsync(Account, App, seeded.Id)).Data;

        Assert.Equal("seeded", fetched.Name);
        Assert.False(fetched.Enabled);
        Assert.Equal(["meeting.ended", "meeting.future"], fetched.Events.Select(e => e.ToString()));
        Assert.Equal(_start, fetched.CreatedAt);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_its_answer()
    {
        await Client.AddWebhookAsync(Account, App, NewWebhook("recorded"));

        var request = Assert.Single(_sandbox.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/client/v4/accounts/{Account}/realtime/kit/{App}/webhooks", request.Path);
        Assert.Equal("addWebhook", request.OperationId);
        Assert.Equal($"Bearer {_sandbox.ApiToken}", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("content-type"), StringComparison.Ordinal);
        Assert.Equal("recorded", (string)JObject.Parse(request.Body!)["name"]!);
        Assert.Equal(201, request.StatusCode);
        Assert.Equal(_start, request.ReceivedAt);
    }

    [Fact]
    public async Task Injected_503s_are_retried_by_the_client_for_a_GET()
    {
        var seeded = _sandbox.AddWebhook(Account, App, "s", new Uri("https://e.com/s"), [WebhookEvent.MeetingStarted]);
        _sandbox.InjectFault(RealtimeKitSandboxFault.ServiceUnavailableHtml(), times: 2, operationId: "getWebhook");

        var fetched = (await Client.GetWebhookAsync(Account, App, seeded.Id)).Data;

        Assert.Equal(seeded.Id, fetched.Id);
        Assert.Equal([503, 503, 200], _sandbox.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task An_injected_503_on_a_POST_is_not_retried_and_changes_nothing()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.ServiceUnavailableHtml(), operationId: "addWebhook");

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(() => Client.AddWebhookAsync(Account, App, NewWebhook()));

        Assert.Equal(503, error.StatusCode);
        Assert.Contains("HTML", error.Message, StringComparison.Ordinal);
        Assert.Single(_sandbox.Requests);
        Assert.Empty(_sandbox.GetWebhooks(Account, App));
    }

    [Fact]
    public async Task An_injected_429_on_a_POST_is_retried_and_adds_exactly_one_webhook()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.RateLimited(TimeSpan.Zero), operationId: "addWebhook");

        await Client.AddWebhookAsync(Account, App, NewWebhook());

        Assert.Equal([429, 201], _sandbox.Requests.Select(r => r.StatusCode));
        Assert.Single(_sandbox.GetWebhooks(Account, App));
    }

    [Fact]
    public async Task A_truncated_answer_is_a_RealtimeKitApiException()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.TruncatedBody(), operationId: "listWebhookEvents");

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(() => Client.ListWebhookEventsAsync(Account, App));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("not a valid WebhookEventListResponse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delayed_answer_meets_the_clients_timeout()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.Delayed(TimeSpan.FromSeconds(2)), operationId: "listWebhooks");
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = _sandbox.BaseAddress;
            options.ApiToken = _sandbox.ApiToken;
            options.Timeout = TimeSpan.FromMilliseconds(300);
        });
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<TimeoutException>(() => provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync(Account, App));
    }

    [Fact]
    public async Task A_connection_dropped_after_handling_loses_the_answer_of_a_POST_but_not_its_webhook()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.DroppedConnection(), operationId: "addWebhook");

        var error = await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => Client.AddWebhookAsync(Account, App, NewWebhook("dropped")));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.True(error.RequestMayHaveBeenProcessed);
        var request = Assert.Single(_sandbox.Requests);
        Assert.Equal(0, request.StatusCode);
        Assert.Equal("", request.ResponseBody);
        Assert.Equal("dropped", Assert.Single(_sandbox.GetWebhooks(Account, App)).Name);
    }

    [Fact]
    public async Task A_connection_dropped_before_handling_changes_nothing()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.DroppedConnection(afterHandling: false), operationId: "addWebhook");

        var error = await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => Client.AddWebhookAsync(Account, App, NewWebhook()));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(0, Assert.Single(_sandbox.Requests).StatusCode);
        Assert.Empty(_sandbox.GetWebhooks(Account, App));
    }

    [Fact]
    public async Task A_GET_whose_connection_is_dropped_is_retried_on_a_new_connection()
    {
        var seeded = _sandbox.AddWebhook(Account, App, "s", new Uri("https://e.com/s"), [WebhookEvent.MeetingStarted]);
        _sandbox.InjectFault(RealtimeKitSandboxFault.DroppedConnection(), times: 2, operationId: "getWebhook");

        var fetched = (await Client.GetWebhookAsync(Account, App, seeded.Id)).Data;

        Assert.Equal(seeded.Id, fetched.Id);
        Assert.Equal([0, 0, 200], _sandbox.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public void Each_fault_says_whether_the_request_is_handled()
    {
        Assert.True(RealtimeKitSandboxFault.DroppedConnection().HandlesRequest);
        Assert.True(RealtimeKitSandboxFault.DroppedConnection().DropsConnection);
        Assert.False(RealtimeKitSandboxFault.DroppedConnection(afterHandling: false).HandlesRequest);
        Assert.False(RealtimeKitSandboxFault.Status(503).HandlesRequest);
        Assert.False(RealtimeKitSandboxFault.RateLimited(TimeSpan.Zero).HandlesRequest);
        Assert.True(RealtimeKitSandboxFault.Delayed(TimeSpan.FromSeconds(1)).HandlesRequest);
        Assert.True(RealtimeKitSandboxFault.TruncatedBody().HandlesRequest);
        Assert.False(RealtimeKitSandboxFault.TruncatedBody().DropsConnection);
    }

    [Fact]
    public async Task Random_faults_follow_their_probabilities_repeat_with_the_seed_and_can_be_turned_off()
    {
        // POSTs: a GET (no body) whose connection closes before the answer is retried by
        // SocketsHttpHandler itself on a reused connection, which would add requests here.
        RealtimeKitSandboxFault[] faults = [RealtimeKitSandboxFault.Status(503), RealtimeKitSandboxFault.DroppedConnection(afterHandling: false)];
        async Task<List<int>> StatusesAsync(RealtimeKitSandbox sandbox, int calls)
        {
            await using var provider = Provider(sandbox, retries: 0);
            var client = provider.GetRequiredService<IWebhooksClient>();
            for (var i = 0; i < calls; i++)
            {
                try
                {
                    await client.AddWebhookAsync(Account, App, NewWebhook($"w{i}"));
                }
                catch (RealtimeKitApiException)
                {
                }
            }

            return sandbox.Requests.Select(r => r.StatusCode).ToList();
        }

        _sandbox.InjectRandomFaults([(faults[0], 0.2), (faults[1], 0.1)], seed: 7);
        await using var twin = RealtimeKitSandbox.Start();
        twin.InjectRandomFaults([(faults[0], 0.2), (faults[1], 0.1)], seed: 7);

        var statuses = await StatusesAsync(_sandbox, 300);

        Assert.Equal(statuses, await StatusesAsync(twin, 300));
        Assert.InRange(statuses.Count(s => s == 503), 35, 85);
        Assert.InRange(statuses.Count(s => s == 0), 12, 50);
        Assert.Equal(300, statuses.Count(s => s is 503 or 0 or 201));
        Assert.Equal(statuses.Count(s => s == 201), _sandbox.GetWebhooks(Account, App).Count);

        _sandbox.InjectRandomFaults([], seed: 0);
        Assert.Equal(Enumerable.Repeat(201, 20), (await StatusesAsync(_sandbox, 20)).Skip(300));
    }

    [Fact]
    public async Task A_queued_fault_comes_before_a_random_one()
    {
        _sandbox.InjectRandomFaults([(RealtimeKitSandboxFault.Status(500), 1.0)], seed: 1);
        _sandbox.InjectFault(RealtimeKitSandboxFault.Status(418), operationId: "listWebhookEvents");

        var first = await Assert.ThrowsAsync<RealtimeKitApiException>(() => Provider(_sandbox, retries: 0).GetRequiredService<IWebhooksClient>().ListWebhookEventsAsync(Account, App));
        var second = await Assert.ThrowsAsync<RealtimeKitApiException>(() => Provider(_sandbox, retries: 0).GetRequiredService<IWebhooksClient>().ListWebhookEventsAsync(Account, App));

        Assert.Equal(418, first.StatusCode);
        Assert.Equal(500, second.StatusCode);
    }

    [Theory]
    [InlineData(-0.1, 0.0)]
    [InlineData(1.5, 0.0)]
    [InlineData(0.6, 0.5)]
    [InlineData(double.NaN, 0.0)]
    public void Random_fault_probabilities_outside_0_to_1_or_adding_up_past_1_are_refused(double first, double second)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _sandbox.InjectRandomFaults(
            [(RealtimeKitSandboxFault.Status(503), first), (RealtimeKitSandboxFault.TruncatedBody(), second)], seed: 0));
    }

    [Fact]
    public async Task MaxRecordedRequests_keeps_the_latest_requests_while_OnRequest_sees_every_one()
    {
        var seen = 0;
        await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { MaxRecordedRequests = 3, OnRequest = _ => Interlocked.Increment(ref seen) });
        await using var provider = Provider(sandbox);
        var client = provider.GetRequiredService<IWebhooksClient>();

        for (var i = 0; i < 5; i++)
        {
            await client.AddWebhookAsync(Account, App, NewWebhook($"w{i}"));
        }

        Assert.Equal(5, seen);
        Assert.Equal(["w2", "w3", "w4"], sandbox.Requests.Select(r => (string)JObject.Parse(r.Body!)["name"]!));
        Assert.Throws<ArgumentOutOfRangeException>(() => RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { MaxRecordedRequests = -1 }));
    }

    [Fact]
    public async Task Twenty_sandboxes_run_side_by_side_without_interfering()
    {
        var sandboxes = Enumerable.Range(0, 20).Select(_ => RealtimeKitSandbox.Start()).ToList();
        try
        {
            Assert.Equal(20, sandboxes.Select(s => s.Port).Distinct().Count());
            await Task.WhenAll(sandboxes.Select(async (sandbox, index) =>
            {
                await using var provider = Provider(sandbox);
                var client = provider.GetRequiredService<IWebhooksClient>();
                for (var i = 0; i <= index % 3; i++)
                {
                    await client.AddWebhookAsync(Account, App, NewWebhook($"sandbox-{index}-{i}"));
                }

                var names = (await client.ListWebhooksAsync(Account, App)).Data.Select(w => w.Name).ToList();
                Assert.Equal(Enumerable.Range(0, (index % 3) + 1).Select(i => $"sandbox-{index}-{i}"), names);
            }));

            Assert.All(sandboxes, s => Assert.DoesNotContain(sandboxes.Where(o => o != s), o => o.ApiToken == s.ApiToken));
        }
        finally
        {
            foreach (var sandbox in sandboxes)
            {
                await sandbox.DisposeAsync();
            }
        }
    }

    [Fact]
    public void A_fixed_port_is_honoured_and_the_token_can_be_given()
    {
        // A port no parallel test can be handed for port 0; another process may hold it, then another.
        RealtimeKitSandbox? started = null;
        var port = 0;
        for (var attempt = 1; started is null; attempt++)
        {
            port = Ports.OutsideEphemeralRange();
            try
            {
                started = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { Port = port, ApiToken = "given-token" });
            }
            catch (Exception ex) when (attempt < 10 && Ports.IsAddressInUse(ex))
            {
            }
        }

        using var sandbox = started;

        Assert.Equal(port, sandbox.Port);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/client/v4/"), sandbox.BaseAddress);
        Assert.Equal("given-token", sandbox.ApiToken);
    }
}
