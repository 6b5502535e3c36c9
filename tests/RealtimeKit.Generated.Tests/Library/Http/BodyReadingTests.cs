using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Bodies are read asynchronously under the call's one deadline and the caller's token: a server
/// that stalls mid-body cannot hold a call past its timeout, and whatever arrived is kept on the
/// exception when it cannot be read.
/// </summary>
[Collection(RunsAloneCollection.Name)] // its bounds are wall-clock: a second's delay beside a compiling test fails them
public sealed class BodyReadingTests
{
    private const string Json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096";
    private static readonly Guid _id = SpecExamples.WebhookId;

    private static ServiceProvider Provider(Uri baseAddress, TimeSpan timeout, int retries = 0)
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = "token";
            options.BaseAddress = baseAddress;
            options.Timeout = timeout;
            options.Retry.MaxRetries = retries;
            options.Retry.BaseDelay = TimeSpan.Zero;
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Sixty_four_stalled_success_bodies_all_end_in_TimeoutException_within_the_timeout_and_a_second()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.StallAfter(Json, "{\"success\":true,\"data\":{\"id\":"));
        var timeout = TimeSpan.FromSeconds(2);
        await using var provider = Provider(server.BaseAddress, timeout);
        var client = provider.GetRequiredService<IWebhooksClient>();

        var clock = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, 64).Select(async _ =>
        {
            var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id));
            return (Error: error, Elapsed: clock.Elapsed);
        }).ToList();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(64, server.Requests);
        Assert.All(results, r => Assert.True(r.Elapsed < timeout + TimeSpan.FromSeconds(1), $"a call ended after {r.Elapsed}"));
        Assert.All(results, r => Assert.True(r.Elapsed >= timeout - TimeSpan.FromMilliseconds(100), $"a call ended early, after {r.Elapsed}"));
        Assert.All(results, r => Assert.Contains("getWebhook did not complete within the configured timeout of 2 s", r.Error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stalled_body_ends_within_a_second_of_the_callers_cancellation()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.StallAfter(Json, "{\"success\":true,\"data\":["));
        await using var provider = Provider(server.BaseAddress, TimeSpan.FromSeconds(60));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync(SpecExamples.AccountId, SpecExamples.AppId, cancellation.Token).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_stalled_error_body_ends_at_the_timeout_with_the_status_and_what_arrived()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.StallAfter(
            "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 1000", "{\"success\":false,\"error\":{\"code\":500,"));
        await using var provider = Provider(server.BaseAddress, TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(
            () => provider.GetRequiredService<IWebhooksClient>().DeleteWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("{\"success\":false,\"error\":{\"code\":500,", error.Response);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task An_error_body_is_read_only_up_to_the_cap()
    {
        // 100 KiB of a 10 MiB body arrive and the server stalls: a reader that read the whole
        // body before cutting it would wait for the 60 s timeout; this one stops at 64 KiB.
        var arrived = new string('x', 100 * 1024);
        await using var server = RawHttpServer.Start(RawHttpServer.StallAfter(
            "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 10485760", arrived));
        await using var provider = Provider(server.BaseAddress, TimeSpan.FromSeconds(60));

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(
            () => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(arrived[..(64 * 1024)], error.Response);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    public static TheoryData<string, string> UnreadableSuccessBodies => new()
    {
        { "not json at all", "not a valid WebhookResponse" },
        { "{\"data\":{\"id\":", "not a valid WebhookResponse" },
        { "", "empty where a WebhookResponse was expected" },
        { "null", "empty where a WebhookResponse was expected" },
        { "<html><body>502</body></html>", "not a valid WebhookResponse" },
    };

    [Theory]
    [MemberData(nameof(UnreadableSuccessBodies))]
    public async Task An_unreadable_2xx_body_is_a_RealtimeKitApiException_with_what_arrived(string body, string message)
    {
        using var api = ApiServer.Start();
        api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(() => api.CreateClient().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(body, error.Response);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_2xx_body_cut_off_by_a_closed_connection_keeps_what_arrived()
    {
        const string arrived = "{\"success\":true,\"data\":{\"id\":\"0d1f069d";
        await using var server = RawHttpServer.Start(RawHttpServer.CloseAfter(Json, arrived));
        await using var provider = Provider(server.BaseAddress, TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(
            () => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(arrived, error.Response);
        Assert.Contains("ended before it was complete", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Fact]
    public async Task A_large_success_body_is_read_whole()
    {
        using var api = ApiServer.Start();
        var webhooks = string.Join(",", Enumerable.Range(0, 2000).Select(i =>
            $"{{\"id\":\"{Guid.NewGuid()}\",\"name\":\"hook {i}\",\"url\":\"https://e.com/{i}\",\"events\":[\"meeting.started\"],\"enabled\":true,\"created_at\":\"2022-05-28T07:01:53.075Z\",\"updated_at\":\"2022-05-28T07:01:53.075Z\"}}"));
        api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($"{{\"success\":true,\"data\":[{webhooks}]}}"));

        var result = await api.CreateClient().ListWebhooksAsync(SpecExamples.AccountId, SpecExamples.AppId);

        Assert.Equal(2000, result.Data.Count);
        Assert.Equal("hook 1999", result.Data.Last().Name);
    }

    [Fact]
    public async Task A_body_with_a_byte_order_mark_and_characters_of_every_UTF8_length_reads_exactly()
    {
        // 1-, 2-, 3- and 4-byte characters (the last a surrogate pair) across many of the JSON
        // reader's buffer boundaries, behind a UTF-8 byte order mark the reader must skip.
        using var api = ApiServer.Start();
        static string Name(int i) => $"Café — 会議 🎉 {i}";
        var webhooks = string.Join(",", Enumerable.Range(0, 500).Select(i =>
            $"{{\"id\":\"{Guid.NewGuid()}\",\"name\":\"{Name(i)}\",\"url\":\"https://e.com/{i}\",\"events\":[\"meeting.started\"],\"enabled\":true,\"created_at\":\"2022-05-28T07:01:53.075Z\",\"updated_at\":\"2022-05-28T07:01:53.075Z\"}}"));
        byte[] body = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes($"{{\"success\":true,\"data\":[{webhooks}]}}")];
        api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

        var result = await api.CreateClient().ListWebhooksAsync(SpecExamples.AccountId, SpecExamples.AppId);

        Assert.Equal(Enumerable.Range(0, 500).Select(Name), result.Data.Select(w => w.Name));
    }

    [Fact]
    public async Task A_body_of_unknown_length_is_read_whole_across_buffer_growth()
    {
        // No Content-Length: the body ends when the connection closes, so the pooled buffer
        // starts small and grows (16 KiB → … → 512 KiB) while it reads.
        var webhooks = string.Join(",", Enumerable.Range(0, 1500).Select(i =>
            $"{{\"id\":\"{Guid.NewGuid()}\",\"name\":\"hook {i}\",\"url\":\"https://e.com/{i}\",\"events\":[\"meeting.started\"],\"enabled\":true,\"created_at\":\"2022-05-28T07:01:53.075Z\",\"updated_at\":\"2022-05-28T07:01:53.075Z\"}}"));
        var body = $"{{\"success\":true,\"data\":[{webhooks}]}}";
        Assert.True(body.Length > 200 * 1024);
        await using var server = RawHttpServer.Start(RawHttpServer.CloseAfter("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close", body));
        await using var provider = Provider(server.BaseAddress, TimeSpan.FromSeconds(30));

        var result = await provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync(SpecExamples.AccountId, SpecExamples.AppId).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1500, result.Data.Count);
        Assert.Equal("hook 1499", result.Data.Last().Name);
    }

    [Fact]
    public async Task Every_request_says_who_sends_it_in_User_Agent()
    {
        using var api = ApiServer.Start();
        api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.WebhookEnvelope));
        using var http = RealtimeKitHttpClient.Create(new RealtimeKitClientOptions { ApiToken = api.Token, BaseAddress = api.BaseAddress });

        await api.CreateClient().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id);
        await new WebhooksClient(http).GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id);

        var version = typeof(WebhooksClient).Assembly.GetName().Version!;
        Assert.All(api.Requests, r => Assert.Equal(
            $"RealtimeKit.Generated/{version.Major}.{version.Minor}.{version.Build} (.NET {Environment.Version})",
            Wire.Header(r, "User-Agent")));
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_date_is_measured_against_the_pipelines_clock()
    {
        // The fake clock is a year ahead of the wall clock: measured against the wall clock the
        // date would be a year away, past MaxRetryAfter, and the 429 would end the call.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(1));
        using var api = ApiServer.Start();
        api.Server.Given(Request.Create()).InScenario("busy").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", time.GetUtcNow().AddSeconds(5).ToString("r")));
        api.Server.Given(Request.Create()).InScenario("busy").WhenStateIs("open")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.WebhookEnvelope));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = api.Token;
            options.BaseAddress = api.BaseAddress;
            options.Retry.MaxRetries = 1;
        });
        await using var provider = services.BuildServiceProvider();

        var call = provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id);
        for (var i = 0; i < 400 && api.Requests.Count < 2; i++)
        {
            await Task.Delay(25);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var result = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, api.Requests.Count);
        Assert.Equal(_id, result.Data.Id);
    }
}
