using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The client's spans and measurements as an OpenTelemetry SDK sees them, against the sandbox on
/// loopback: one span and one duration per call, the failure marked, the attempts of a retried
/// call as HttpClient's child spans, a wait for the rate budget as an event, one span per page.
/// </summary>
[Collection(RunsAloneCollection.Name)]
public sealed class ClientTelemetryTests : IAsyncDisposable
{
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    private const string App = "5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df";

    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start();
    private readonly List<ServiceProvider> _providers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _sandbox.DisposeAsync();
    }

    private IMeetingsClient Meetings(int retries = 0, Action<RealtimeKitClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = _sandbox.BaseAddress;
            options.ApiToken = _sandbox.ApiToken;
            options.Retry.MaxRetries = retries;
            options.Retry.BaseDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IMeetingsClient>();
    }

    [Fact]
    public async Task A_success_and_a_404_are_one_span_and_one_measurement_each_and_the_failure_is_marked()
    {
        var meetings = Meetings();
        var created = await meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Telemetry" });
        var meetingId = created.Data!.Id;
        using var recorder = new TelemetryRecorder();

        await meetings.GetMeetingAsync(Account, App, meetingId);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => meetings.GetMeetingAsync(Account, App, Guid.NewGuid()));

        var spans = recorder.Ours;
        Assert.Equal(2, spans.Count);
        Assert.All(spans, span =>
        {
            Assert.Equal("RealtimeKit getMeeting", span.DisplayName);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(RealtimeKitDiagnostics.Version, span.Source.Version);
            Assert.Equal("getMeeting", span.GetTagItem("realtimekit.operation") as string);
            Assert.Equal(Account, span.GetTagItem("realtimekit.account_id") as string);
            Assert.Equal(App, span.GetTagItem("realtimekit.app_id") as string);
            Assert.Equal("GET", span.GetTagItem("http.request.method") as string);
            Assert.Equal("127.0.0.1", span.GetTagItem("server.address") as string);
            Assert.Equal((object?)_sandbox.Port, span.GetTagItem("server.port"));
            Assert.Single(recorder.HttpChildrenOf(span));
            Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains(_sandbox.ApiToken, StringComparison.Ordinal) == true);
        });
        Assert.Equal(((object?)200, ActivityStatusCode.Unset, (object?)null), (spans[0].GetTagItem("http.response.status_code"), spans[0].Status, spans[0].GetTagItem("error.type")));
        Assert.Equal(((object?)404, ActivityStatusCode.Error, (object?)"404"), (spans[1].GetTagItem("http.response.status_code"), spans[1].Status, spans[1].GetTagItem("error.type")));

        var durations = recorder.Of("realtimekit.client.operation.duration");
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.Equal(("s", (object?)"getMeeting"), (d.Unit, d.Tags["realtimekit.operation"])));
        Assert.All(durations, d => Assert.InRange(d.Value, 0, 30));
        Assert.Equal((object?)200, durations[0].Tags["http.response.status_code"]);
        Assert.False(durations[0].Tags.ContainsKey("error.type"));
        Assert.Equal(((object?)404, (object?)"404"), (durations[1].Tags["http.response.status_code"], durations[1].Tags["error.type"]));
    }

    [Fact]
    public async Task A_retried_call_is_one_span_whose_attempts_are_its_children_and_the_retry_is_counted()
    {
        var meetings = Meetings(retries: 2);
        _sandbox.InjectFault(RealtimeKitSandboxFault.ServiceUnavailableHtml(), times: 2, operationId: "listMeetings");
        using var recorder = new TelemetryRecorder();

        await meetings.ListMeetingsAsync(Account, App);

        var span = Assert.Single(recorder.Ours);
        Assert.Equal("RealtimeKit listMeetings", span.DisplayName);
        Assert.Equal((object?)200, span.GetTagItem("http.response.status_code"));
        var attempts = recorder.HttpChildrenOf(span);
        Assert.Equal(new object?[] { 503, 503, 200 }, attempts.OrderBy(a => a.StartTimeUtc).Select(a => a.GetTagItem("http.response.status_code")));
        var retries = span.Events.Where(e => e.Name == "realtimekit.retry").ToList();
        Assert.Equal(new object?[] { 1, 2 }, retries.Select(e => e.Tags.Single(t => t.Key == "realtimekit.retry.attempt").Value));
        var counted = recorder.Of("realtimekit.client.retries");
        Assert.Equal(2, counted.Count);
        Assert.All(counted, c => Assert.Equal((1d, (object?)"listMeetings", (object?)503), (c.Value, c.Tags["realtimekit.operation"], c.Tags["http.response.status_code"])));
    }

    [Fact]
    public async Task A_call_that_ends_without_an_answer_is_marked_with_its_exception_type()
    {
        var meetings = Meetings(configure: o => o.Timeout = TimeSpan.FromMilliseconds(300));
        _sandbox.InjectFault(RealtimeKitSandboxFault.Delayed(TimeSpan.FromSeconds(5)), operationId: "listMeetings");
        using var recorder = new TelemetryRecorder();

        await Assert.ThrowsAsync<TimeoutException>(() => meetings.ListMeetingsAsync(Account, App));

        var span = Assert.Single(recorder.Ours);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal((object?)typeof(TimeoutException).FullName, span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
        var duration = Assert.Single(recorder.Of("realtimekit.client.operation.duration"));
        Assert.Equal((object?)typeof(TimeoutException).FullName, duration.Tags["error.type"]);
    }

    [Fact]
    public async Task A_wait_for_the_rate_budget_is_an_event_of_the_call_and_a_measurement()
    {
        var meetings = Meetings(configure: o =>
        {
            o.RateLimit.PermitsPerWindow = 1;
            o.RateLimit.Window = TimeSpan.FromMilliseconds(300);
        });
        using var recorder = new TelemetryRecorder();

        await meetings.ListMeetingsAsync(Account, App);
        await meetings.ListMeetingsAsync(Account, App);
        recorder.Observe();

        var spans = recorder.Ours;
        Assert.Equal(2, spans.Count);
        Assert.DoesNotContain(spans[0].Events, e => e.Name == "realtimekit.rate_budget.wait");
        var wait = Assert.Single(spans[1].Events, e => e.Name == "realtimekit.rate_budget.wait");
        Assert.InRange((double)wait.Tags.Single(t => t.Key == "realtimekit.rate_budget.wait.duration").Value!, 0.05, 30);
        Assert.Equal((object?)true, wait.Tags.Single(t => t.Key == "realtimekit.rate_budget.permit").Value);
        var waits = recorder.Of("realtimekit.client.rate_budget.wait.duration");
        Assert.Equal(2, waits.Count);
        Assert.True(waits[1].Value > waits[0].Value);
        Assert.Contains(recorder.Of("realtimekit.client.rate_budget.permits"), m => (string?)m.Tags["realtimekit.rate_budget.type"] == nameof(RealtimeKitLocalRateBudget) && m.Value is >= 0 and <= 1);
    }

    [Fact]
    public void A_budget_is_in_the_permits_gauge_while_it_lives_and_left_out_once_disposed()
    {
        using var recorder = new TelemetryRecorder();
        var budget = new RealtimeKitLocalRateBudget(new RealtimeKitRateLimitOptions { PermitsPerWindow = 7777, Window = TimeSpan.FromSeconds(1) });

        recorder.Observe();
        Assert.Contains(recorder.Of("realtimekit.client.rate_budget.permits"), m => m.Value == 7777);

        budget.Dispose();
        recorder.Measurements.Clear();
        recorder.Observe();
        Assert.DoesNotContain(recorder.Of("realtimekit.client.rate_budget.permits"), m => m.Value == 7777);
        GC.KeepAlive(budget);
    }

    [Fact]
    public async Task A_paged_walk_is_one_span_per_page()
    {
        var meetings = Meetings();
        for (var i = 0; i < 3; i++)
        {
            await meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = $"Paged {i}" });
        }

        using var recorder = new TelemetryRecorder();
        var titles = new List<string?>();
        await foreach (var meeting in meetings.EnumerateMeetingsAsync(Account, App, perPage: 2))
        {
            titles.Add(meeting.Title);
            Assert.NotEqual("RealtimeKit listMeetings", Activity.Current?.DisplayName);
        }

        Assert.Equal(3, titles.Count);
        Assert.Equal(["RealtimeKit listMeetings", "RealtimeKit listMeetings"], recorder.Ours.Select(s => s.DisplayName));
    }

    [Fact]
    public async Task With_nobody_listening_no_activity_is_started()
    {
        var meetings = Meetings();
        using var parent = new Activity("caller").Start();

        await meetings.ListMeetingsAsync(Account, App);

        Assert.Same(parent, Activity.Current);
        Assert.False(RealtimeKitTelemetry.IsObserved);
    }
}
