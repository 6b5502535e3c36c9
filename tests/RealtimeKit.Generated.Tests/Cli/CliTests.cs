using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>Every realtimekit command in-process: against the sandbox, against WireMock for the exact request, and its exit codes.</summary>
public sealed class CliTests : IAsyncDisposable
{
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    private const string Collection = "/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df/webhooks";
    private const string Single = Collection + "/0d1f069d-43bb-489a-ad8c-7eb95592ba8e";

    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start();
    private readonly ApiServer _api = ApiServer.Start();

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _api.Dispose();
    }

    private Dictionary<string, string?> SandboxEnvironment => new()
    {
        ["CLOUDFLARE_API_TOKEN"] = _sandbox.ApiToken,
        ["CLOUDFLARE_ACCOUNT_ID"] = Account,
        ["CLOUDFLARE_BASE_URL"] = _sandbox.BaseAddress.ToString(),
    };

    private Dictionary<string, string?> WireMockEnvironment => new()
    {
        ["CLOUDFLARE_API_TOKEN"] = _api.Token,
        ["CLOUDFLARE_ACCOUNT_ID"] = Account,
        ["CLOUDFLARE_BASE_URL"] = _api.BaseAddress.ToString(),
    };

    private void Stub(string method, string path, int status, string body) =>
        _api.Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    [Fact]
    public async Task Every_webhooks_command_works_against_the_sandbox()
    {
        var env = SandboxEnvironment;

        var add = await CliRun.RunAsync(env, "webhooks", "add", "--app-id", SpecExamples.AppId, "--name", "CLI hook", "--url", "https://hooks.example.com/cli", "--event", "all", "--output", "json");
        Assert.Equal(0, add.ExitCode);
        var added = JObject.Parse(add.Output);
        var id = (string)added["id"]!;
        Assert.Equal(9, added["events"]!.Count());
        Assert.True((bool)added["enabled"]!);

        var edit = await CliRun.RunAsync(env, "webhooks", "edit", "--app-id", SpecExamples.AppId, "--webhook-id", id, "--enabled", "false", "-o", "json");
        Assert.Equal(0, edit.ExitCode);
        Assert.False((bool)JObject.Parse(edit.Output)["enabled"]!);
        Assert.Equal("{\"enabled\":false}", _sandbox.Requests[^1].Body);

        // An edit with no option sends {}: the service accepts it and changes nothing.
        var touch = await CliRun.RunAsync(env, "webhooks", "edit", "--app-id", SpecExamples.AppId, "--webhook-id", id, "-o", "json");
        Assert.Equal(0, touch.ExitCode);
        Assert.Equal("{}", _sandbox.Requests[^1].Body);
        Assert.False((bool)JObject.Parse(touch.Output)["enabled"]!);

        var get = await CliRun.RunAsync(env, "webhooks", "get", "--app-id", SpecExamples.AppId, "--webhook-id", id);
        Assert.Equal(0, get.ExitCode);
        Assert.Contains("CLI hook", get.Output, StringComparison.Ordinal);
        Assert.Contains("│ enabled    │ false", get.Output, StringComparison.Ordinal);

        var replace = await CliRun.RunAsync(env, "webhooks", "replace", "--app-id", SpecExamples.AppId, "--webhook-id", id, "--name", "Replaced", "--url", "https://hooks.example.com/r", "--event", "meeting.started", "--event", "meeting.ended", "-o", "json");
        Assert.Equal(0, replace.ExitCode);
        Assert.Equal(["meeting.started", "meeting.ended"], JObject.Parse(replace.Output)["events"]!.Select(e => (string)e!));

        var list = await CliRun.RunAsync(env, "webhooks", "list", "--app-id", SpecExamples.AppId, "-o", "json");
        Assert.Equal(0, list.ExitCode);
        Assert.Equal("Replaced", (string)JArray.Parse(list.Output).Single()["name"]!);

        var events = await CliRun.RunAsync(env, "webhooks", "events", "--app-id", SpecExamples.AppId, "-o", "json");
        Assert.Equal(0, events.ExitCode);
        Assert.Equal(SpecExamples.AllEventNames, JArray.Parse(events.Output).Select(e => (string)e!));

        var delete = await CliRun.RunAsync(env, "webhooks", "delete", "--app-id", SpecExamples.AppId, "--webhook-id", id, "-o", "json");
        Assert.Equal(0, delete.ExitCode);
        Assert.Equal(id, (string)JObject.Parse(delete.Output)["id"]!);
        Assert.Empty(_sandbox.GetWebhooks(Account, SpecExamples.AppId));

        var gone = await CliRun.RunAsync(env, "webhooks", "get", "--app-id", SpecExamples.AppId, "--webhook-id", id);
        Assert.Equal(1, gone.ExitCode);
        Assert.StartsWith("error: RealtimeKit API 404 Not Found: NOT_FOUND webhook", gone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_in_json_mode_prints_exactly_the_APIs_data()
    {
        Stub("GET", Single, 200, SpecExamples.WebhookEnvelope);

        var run = await CliRun.RunAsync(WireMockEnvironment, "webhooks", "get", "--app-id", SpecExamples.AppId, "--webhook-id", SpecExamples.WebhookId.ToString(), "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(
            """
            {
              "id": "0d1f069d-43bb-489a-ad8c-7eb95592ba8e",
              "name": "All events webhook",
              "url": "https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e",
              "events": [
                "meeting.started",
                "meeting.ended",
                "meeting.participantJoined",
                "meeting.participantLeft",
                "meeting.chatSynced",
                "recording.statusUpdate",
                "livestreaming.statusUpdate",
                "meeting.transcript",
                "meeting.summary"
              ],
              "enabled": true,
              "created_at": "2022-05-28T07:01:53.075+00:00",
              "updated_at": "2022-05-28T07:01:53.075+00:00"
            }

            """.ReplaceLineEndings("\n"),
            run.Output.ReplaceLineEndings("\n"));
        Wire.AssertRequest(_api.SingleRequest(), "GET", Single, _api.Token, jsonBody: null);
    }

    [Fact]
    public async Task Add_with_event_all_sends_every_documented_event_and_no_enabled()
    {
        Stub("POST", Collection, 201, SpecExamples.WebhookEnvelope);

        var run = await CliRun.RunAsync(WireMockEnvironment, "webhooks", "add", "--app-id", SpecExamples.AppId, "--name", "All events webhook", "--url", SpecExamples.WebhookUrl, "--event", "all");

        Assert.Equal(0, run.ExitCode);
        Wire.AssertRequest(_api.SingleRequest(), "POST", Collection, _api.Token,
            "{\"name\":\"All events webhook\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\",\"events\":[\"meeting.started\",\"meeting.ended\",\"meeting.participantJoined\",\"meeting.participantLeft\",\"meeting.chatSynced\",\"recording.statusUpdate\",\"livestreaming.statusUpdate\",\"meeting.transcript\",\"meeting.summary\"]}");
    }

    [Fact]
    public async Task Edit_sends_only_the_options_given()
    {
        Stub("PATCH", Single, 200, SpecExamples.WebhookEnvelope);

        var run = await CliRun.RunAsync(WireMockEnvironment, "webhooks", "edit", "--app-id", SpecExamples.AppId, "--webhook-id", SpecExamples.WebhookId.ToString(), "--name", "Renamed");

        Assert.Equal(0, run.ExitCode);
        Wire.AssertRequest(_api.SingleRequest(), "PATCH", Single, _api.Token, "{\"name\":\"Renamed\"}");
    }

    [Fact]
    public async Task Global_options_override_the_environment()
    {
        Stub("DELETE", "/client/v4/accounts/other-account/realtime/kit/5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df/webhooks/0d1f069d-43bb-489a-ad8c-7eb95592ba8e", 200, SpecExamples.WebhookEnvelope);
        var env = new Dictionary<string, string?> { ["CLOUDFLARE_API_TOKEN"] = "from-env", ["CLOUDFLARE_BASE_URL"] = "https://api.invalid/client/v4" };

        var run = await CliRun.RunAsync(env, "webhooks", "delete", "--app-id", SpecExamples.AppId, "--webhook-id", SpecExamples.WebhookId.ToString(),
            "--account-id", "other-account", "--api-token", _api.Token, "--base-url", _api.BaseAddress.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Bearer {_api.Token}", Wire.Header(_api.SingleRequest(), "Authorization"));
    }

    [Fact]
    public async Task An_API_error_exits_1_with_status_message_and_operation_and_no_token_or_stack_trace()
    {
        Stub("GET", Collection, 401, SpecExamples.UnauthorizedAddPage);

        var run = await CliRun.RunAsync(WireMockEnvironment, "webhooks", "list", "--app-id", SpecExamples.AppId);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: RealtimeKit API 401 Unauthorized: Unauthorized (GET {Collection}) [operation listWebhooks]\n", run.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(_api.Token, run.Error + run.Output, StringComparison.Ordinal);

        var verbose = await CliRun.RunAsync(WireMockEnvironment, "webhooks", "list", "--app-id", SpecExamples.AppId, "--verbose");
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Token, verbose.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["webhooks", "list"], "--app-id is required; find it with: realtimekit apps list" },
        { ["webhooks", "get", "--app-id", "a", "--webhook-id", "nope"], "--webhook-id" },
        { ["webhooks", "add", "--app-id", "a", "--name", "n", "--url", "/relative", "--event", "all"], "--url must be an absolute http or https URL" },
        { ["webhooks", "add", "--app-id", "a", "--url", "https://e.com", "--event", "all"], "--name is required" },
        { ["webhooks", "add", "--app-id", "a", "--name", "n", "--url", "https://e.com"], "--event is required" },
        { ["webhooks", "list", "--app-id", ".."], "--app-id: appId must be one path segment" },
        { ["webhooks", "list", "--app-id", "a/b"], "--app-id: appId must be one path segment" },
        { ["webhooks", "list", "--app-id", "a", "--account-id", new string('a', 33)], "--account-id: accountId must be at most 32 characters long" },
        { ["webhooks", "get", "--app-id", "a", "--webhook-id", "00000000-0000-0000-0000-000000000000"], "--webhook-id: webhookId must not be Guid.Empty" },
        { ["webhooks", "list", "--app-id", "a", "--output", "xml"], "xml" },
        { ["webhooks", "list", "--app-id", "a", "--base-url", "http://api.example.com/client/v4"], "--base-url must use https" },
        { ["webhooks", "list", "--app-id", "a", "--enabled", "maybe"], "--enabled" },
        { ["nonsense"], "nonsense" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Bad_usage_exits_2_naming_the_option_and_sends_nothing(string[] args, string expected)
    {
        var run = await CliRun.RunAsync(WireMockEnvironment, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Theory]
    [InlineData("CLOUDFLARE_API_TOKEN", "error: Missing API token: pass --api-token or set CLOUDFLARE_API_TOKEN.")]
    [InlineData("CLOUDFLARE_ACCOUNT_ID", "error: Missing account id: pass --account-id or set CLOUDFLARE_ACCOUNT_ID.")]
    public async Task A_missing_token_or_account_is_one_line_naming_what_to_set(string missing, string message)
    {
        var env = WireMockEnvironment;
        env.Remove(missing);

        var run = await CliRun.RunAsync(env, "webhooks", "list", "--app-id", SpecExamples.AppId);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message + "\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Ctrl_C_cancels_the_request_in_flight_and_exits_130()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(2)));
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = await CliRun.RunAsync(WireMockEnvironment, ctrlC.Token, "webhooks", "list", "--app-id", SpecExamples.AppId);

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("Cancelled", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_walks_every_operation_and_exits_0()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "demo");

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var expected in new[] { "-> GET ", "-> POST ", "-> PATCH ", "-> PUT ", "-> DELETE ", "/webhooks/all", "<- 401", "RealtimeKitUnauthorizedException", "Handler got a verified MeetingStartedEvent",
                     "/meetings", "token eyJ", "Handler got a verified MeetingParticipantJoinedEvent", "Handler got a verified MeetingSummaryEvent", "Demo finished" })
        {
            Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Trigger_has_the_sandbox_deliver_a_signed_sample_event()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = _sandbox.PublicKeyUrl);
        var webhook = _sandbox.AddWebhook(Account, SpecExamples.AppId, "receiver", receiver.Url, [WebhookEvent.RecordingStatusUpdate]);

        var run = await CliRun.RunAsync(SandboxEnvironment, "webhooks", "trigger", "--app-id", SpecExamples.AppId, "--event", "recording.statusUpdate");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"{webhook.Id} {receiver.Url}: 200 after 1 attempt(s)", run.Output, StringComparison.Ordinal);
        var delivery = Assert.Single(receiver.Received);
        Assert.IsType<RecordingStatusUpdateEvent>(delivery.Event);
        Assert.Contains($"[rtk-uuid {delivery.DeliveryId}]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_refuses_anything_but_a_local_sandbox()
    {
        var env = SandboxEnvironment;
        env["CLOUDFLARE_BASE_URL"] = "https://api.cloudflare.com/client/v4";

        var run = await CliRun.RunAsync(env, "webhooks", "trigger", "--app-id", SpecExamples.AppId, "--event", "meeting.started");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("trigger works only against a realtimekit sandbox", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meetings_simulate_has_the_sandbox_play_a_meeting_and_deliver_its_signed_events()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = _sandbox.PublicKeyUrl);
        _sandbox.AddWebhook(Account, SpecExamples.AppId, "receiver", receiver.Url, [WebhookEvent.MeetingStarted, WebhookEvent.MeetingEnded]);
        var created = await CliRun.RunAsync(SandboxEnvironment, "meetings", "create", "--app-id", SpecExamples.AppId, "--title", "Simulated", "-o", "json");
        Assert.True(created.ExitCode == 0, created.Error);
        var meetingId = (string)JObject.Parse(created.Output)["id"]!;

        var run = await CliRun.RunAsync(SandboxEnvironment, "meetings", "simulate", "--app-id", SpecExamples.AppId, "--meeting-id", meetingId);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("meeting.started, ", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 deliveries:", run.Output, StringComparison.Ordinal);
        Assert.Equal(["meeting.ended", "meeting.started"], receiver.Received.Select(d => d.Event.Event.ToString()).Order(StringComparer.Ordinal));
        var sessions = await CliRun.RunAsync(SandboxEnvironment, "sessions", "list", "--app-id", SpecExamples.AppId, "-o", "json");
        Assert.True(sessions.ExitCode == 0, sessions.Error);
        Assert.Single((JArray)JToken.Parse(sessions.Output)["sessions"]!);
    }

    [Fact]
    public async Task Meetings_simulate_keep_live_holds_the_session_live_for_the_active_session_commands_until_meetings_end()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = _sandbox.PublicKeyUrl);
        _sandbox.AddWebhook(Account, SpecExamples.AppId, "receiver", receiver.Url, [WebhookEvent.MeetingParticipantJoined, WebhookEvent.MeetingEnded]);
        var created = await CliRun.RunAsync(SandboxEnvironment, "meetings", "create", "--app-id", SpecExamples.AppId, "--title", "Kept live", "-o", "json");
        Assert.True(created.ExitCode == 0, created.Error);
        var meetingId = (string)JObject.Parse(created.Output)["id"]!;

        var live = await CliRun.RunAsync(SandboxEnvironment, "meetings", "simulate", "--keep-live", "--app-id", SpecExamples.AppId, "--meeting-id", meetingId);
        Assert.True(live.ExitCode == 0, live.Error);
        Assert.Contains("is live with participants ", live.Output, StringComparison.Ordinal);
        Assert.Contains($"realtimekit meetings end --app-id {SpecExamples.AppId} --meeting-id {meetingId}", live.Output, StringComparison.Ordinal);
        Assert.Contains("meeting.started, meeting.participantJoined, meeting.participantJoined", live.Output, StringComparison.Ordinal);
        Assert.Contains("2 deliveries:", live.Output, StringComparison.Ordinal);

        var active = await CliRun.RunAsync(SandboxEnvironment, "active-session", "get", "--app-id", SpecExamples.AppId, "--meeting-id", meetingId, "-o", "json");
        Assert.True(active.ExitCode == 0, active.Error);
        Assert.Equal("LIVE", (string)JObject.Parse(active.Output)["status"]!);
        Assert.Equal(2, (int)JObject.Parse(active.Output)["live_participants"]!);
        var again = await CliRun.RunAsync(SandboxEnvironment, "meetings", "simulate", "--keep-live", "--app-id", SpecExamples.AppId, "--meeting-id", meetingId);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("RealtimeKit sandbox 409", again.Error, StringComparison.Ordinal);

        var end = await CliRun.RunAsync(SandboxEnvironment, "meetings", "end", "--app-id", SpecExamples.AppId, "--meeting-id", meetingId, "-o", "json");
        Assert.True(end.ExitCode == 0, end.Error);
        Assert.Equal(["meeting.participantLeft", "meeting.participantLeft", "meeting.ended"], JObject.Parse(end.Output)["events"]!.Select(e => (string)e!));
        var gone = await CliRun.RunAsync(SandboxEnvironment, "active-session", "get", "--app-id", SpecExamples.AppId, "--meeting-id", meetingId);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("404", gone.Error, StringComparison.Ordinal);
        Assert.Equal(["meeting.ended", "meeting.participantJoined", "meeting.participantJoined"], receiver.Received.Select(d => d.Event.Event.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Meetings_simulate_of_an_unknown_meeting_is_an_error_naming_it()
    {
        var run = await CliRun.RunAsync(SandboxEnvironment, "meetings", "simulate", "--app-id", SpecExamples.AppId, "--meeting-id", Guid.NewGuid().ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("RealtimeKit sandbox 404", run.Error, StringComparison.Ordinal);
        Assert.Contains("[operation simulate]", run.Error, StringComparison.Ordinal);
    }
}
