using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>Timeouts, cancellation and retries per method through the resilience pipeline.</summary>
public sealed class ResilienceTests : IDisposable
{
    private const string Collection = "/client/v4/accounts/acc/realtime/kit/app/webhooks";
    private const string Single = Collection + "/0d1f069d-43bb-489a-ad8c-7eb95592ba8e";
    private static readonly Guid _id = SpecExamples.WebhookId;

    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private IWebhooksClient Client(int maxRetries = 2) => _api.CreateClient(options =>
    {
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.Zero;
    });

    private static readonly Dictionary<string, Func<IWebhooksClient, Task>> _calls = new()
    {
        ["GET"] = c => c.GetWebhookAsync("acc", "app", _id),
        ["PUT"] = c => c.ReplaceWebhookAsync("acc", "app", _id, new ReplaceWebhookRequest { Name = "n", Url = new Uri("https://e.com/h"), Events = [WebhookEvent.MeetingStarted] }),
        ["DELETE"] = c => c.DeleteWebhookAsync("acc", "app", _id),
        ["PATCH"] = c => c.EditWebhookAsync("acc", "app", _id, new EditWebhookRequest { Name = "n" }),
        ["POST"] = c => c.AddWebhookAsync("acc", "app", new AddWebhookRequest { Name = "n", Url = new Uri("https://e.com/h"), Events = [WebhookEvent.MeetingStarted] }),
    };

    private static string PathOf(string method) => method == "POST" ? Collection : Single;

    private void AlwaysAnswer(int status, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("{\"message\":\"busy\"}");
        if (retryAfter is not null)
        {
            response.WithHeader("Retry-After", retryAfter);
        }

        _api.Server.Given(Request.Create()).RespondWith(response);
    }

    [Theory]
    [InlineData("GET", 503, 3)]
    [InlineData("PUT", 503, 3)]
    [InlineData("DELETE", 503, 3)]
    [InlineData("PATCH", 503, 1)]
    [InlineData("POST", 503, 1)]
    [InlineData("GET", 500, 3)]
    [InlineData("GET", 408, 3)]
    [InlineData("POST", 408, 1)]
    [InlineData("GET", 501, 1)]
    [InlineData("GET", 400, 1)]
    [InlineData("GET", 404, 1)]
    [InlineData("POST", 429, 3)]
    [InlineData("PATCH", 429, 3)]
    [InlineData("DELETE", 429, 3)]
    public async Task Requests_are_retried_by_method_and_status(string method, int status, int expectedRequests)
    {
        AlwaysAnswer(status, status == 429 ? "0" : null);

        var error = await Assert.ThrowsAnyAsync<RealtimeKitApiException>(() => _calls[method](Client(maxRetries: 2)));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(expectedRequests, _api.Requests.Count);
        Assert.All(_api.Requests, r => Assert.Equal(method, r.RequestMessage.Method));
    }

    [Fact]
    public async Task A_GET_that_recovers_after_a_503_succeeds()
    {
        _api.Server.Given(Request.Create().WithPath(Single)).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>busy</html>"));
        _api.Server.Given(Request.Create().WithPath(Single)).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.WebhookEnvelope));

        var result = await Client().GetWebhookAsync("acc", "app", _id);

        Wire.AssertExampleWebhook(result.Data);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task A_retried_POST_sends_the_same_body_each_time()
    {
        _api.Server.Given(Request.Create().WithPath(Collection)).InScenario("limited").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"));
        _api.Server.Given(Request.Create().WithPath(Collection)).InScenario("limited").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.WebhookEnvelope));

        await _calls["POST"](Client());

        Assert.Equal(2, _api.Requests.Count);
        Assert.Equal(_api.Requests[0].RequestMessage.Body, _api.Requests[1].RequestMessage.Body);
        Assert.StartsWith("{\"name\":\"n\"", _api.Requests[1].RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_off_sends_once()
    {
        AlwaysAnswer(503);

        await Assert.ThrowsAsync<RealtimeKitApiException>(() => _calls["GET"](Client(maxRetries: 0)));

        Assert.Single(_api.Requests);
    }

    [Fact]
    public void A_synchronous_send_through_the_registered_client_is_retried_too()
    {
        AlwaysAnswer(503);
        using var provider = _api.CreateProvider(options =>
        {
            options.Retry.MaxRetries = 2;
            options.Retry.BaseDelay = TimeSpan.Zero;
        });
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(RealtimeKitClient.HttpClientName);

        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri("accounts/acc/realtime/kit/app/webhooks", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task Removing_the_resilience_handlers_through_the_builder_turns_retries_off()
    {
        AlwaysAnswer(503);
        var services = new ServiceCollection();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental by Microsoft.Extensions.Http.Resilience.
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.BaseDelay = TimeSpan.Zero;
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<RealtimeKitApiException>(() => _calls["GET"](provider.GetRequiredService<IWebhooksClient>()));

        Assert.Single(_api.Requests);
    }

    [Theory]
    [InlineData("POST", HttpRequestError.ConnectionError, 3)]
    [InlineData("PATCH", HttpRequestError.ConnectionError, 3)]
    [InlineData("GET", HttpRequestError.ConnectionError, 3)]
    [InlineData("POST", HttpRequestError.ResponseEnded, 1)]
    [InlineData("PATCH", HttpRequestError.ResponseEnded, 1)]
    [InlineData("GET", HttpRequestError.ResponseEnded, 3)]
    [InlineData("PUT", HttpRequestError.ResponseEnded, 3)]
    public async Task Transport_failures_are_retried_only_where_nothing_can_have_reached_the_server(string method, HttpRequestError failure, int expectedAttempts)
    {
        var handler = new FailingHandler(failure);
        using var provider = ProviderOver(handler);

        var error = await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => _calls[method](provider.GetRequiredService<IWebhooksClient>()));

        Assert.Equal(failure, error.HttpRequestError);
        Assert.Equal(failure, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal(failure != HttpRequestError.ConnectionError, error.RequestMayHaveBeenProcessed);
        Assert.Contains(method, error.RequestTarget, StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(expectedAttempts, handler.Attempts);
    }

    [Fact]
    public async Task Retry_After_is_honoured()
    {
        _api.Server.Given(Request.Create().WithPath(Single)).InScenario("slow").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30"));
        _api.Server.Given(Request.Create().WithPath(Single)).InScenario("slow").WhenStateIs("open")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.WebhookEnvelope));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var provider = ProviderWithTime(time);

        var call = provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id);
        await WaitUntil(() => _api.Requests.Count == 1);

        // Step the fake clock one second at a time (giving the retry a moment of real time to
        // register its timer) until the retry arrives: it must not arrive before 30 fake seconds.
        var advanced = TimeSpan.Zero;
        while (_api.Requests.Count < 2 && advanced < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
            if (_api.Requests.Count >= 2)
            {
                break;
            }

            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
        }

        var result = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(advanced, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45));
        Wire.AssertExampleWebhook(result.Data);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryAfter_ends_the_call_with_the_429()
    {
        AlwaysAnswer(429, "3600");

        var error = await Assert.ThrowsAsync<RealtimeKitRateLimitedException>(() => _calls["GET"](Client()));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_timeout_ends_the_call_at_once_with_the_429()
    {
        AlwaysAnswer(429, "5");
        var client = _api.CreateClient(options =>
        {
            options.Timeout = TimeSpan.FromSeconds(2);
            options.Retry.MaxRetries = 3;
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RealtimeKitRateLimitedException>(() => client.GetWebhookAsync("acc", "app", _id));

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Single(_api.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_configured_timeout_surfaces_as_TimeoutException()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(2)));
        var client = _api.CreateClient(options => options.Timeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetWebhookAsync("acc", "app", _id));

        Assert.Contains("getWebhook did not complete within the configured timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains($"GET {Single}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_set_through_the_builder_is_the_calls_deadline()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(3)));
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 0;
        }).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(400));
        using var provider = services.BuildServiceProvider();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id));

        Assert.Contains("within the configured timeout of 0.4 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task The_timeout_of_a_hand_built_HttpClient_surfaces_as_TimeoutException()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(2)));
        using var http = RealtimeKitHttpClient.Create(new RealtimeKitClientOptions { ApiToken = _api.Token, BaseAddress = _api.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) });

        await Assert.ThrowsAsync<TimeoutException>(() => new WebhooksClient(http).GetWebhookAsync("acc", "app", _id));
    }

    [Fact]
    public async Task The_callers_cancellation_surfaces_as_OperationCanceledException()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(2)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetWebhookAsync("acc", "app", _id, cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task A_call_cancelled_before_it_starts_sends_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetWebhookAsync("acc", "app", _id, cancellation.Token));

        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task An_answer_to_retry_that_arrives_as_the_caller_cancels_is_disposed_and_the_call_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new CancellingHandler(cancellation);
        using var provider = ProviderOver(handler);

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id, cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(1, handler.Attempts);
        Assert.True(handler.Answer!.Disposed, "the 503 the retry would have replaced was not disposed");
    }

    [Fact]
    public async Task Each_answer_a_retry_replaces_is_disposed_and_the_last_is_returned()
    {
        var handler = new CountingHandler(failures: 2);
        using var provider = ProviderOver(handler);

        var result = await provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id);

        Wire.AssertExampleWebhook(result.Data);
        Assert.Equal(3, handler.Answers.Count);
        Assert.All(handler.Answers.Take(2), answer => Assert.True(answer.Disposed));
    }

    /// <summary>AddRealtimeKit with two retries and no back-off, sending through <paramref name="handler"/> instead of the network.</summary>
    private ServiceProvider ProviderOver(HttpMessageHandler handler)
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 2;
            options.Retry.BaseDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }

    private ServiceProvider ProviderWithTime(TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 2;
            options.Timeout = Timeout.InfiniteTimeSpan;
        });
        return services.BuildServiceProvider();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }

    /// <summary>Answers 503, and the caller cancels just as that answer arrives.</summary>
    private sealed class CancellingHandler(CancellationTokenSource caller) : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        public TrackedContent? Answer { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            Answer = new TrackedContent("{\"message\":\"busy\"}");
            await caller.CancelAsync();
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = Answer };
        }
    }

    /// <summary>Answers 503 <paramref name="failures"/> times, then the example webhook.</summary>
    private sealed class CountingHandler(int failures) : HttpMessageHandler
    {
        public List<TrackedContent> Answers { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var failed = Answers.Count < failures;
            var answer = new TrackedContent(failed ? "{\"message\":\"busy\"}" : SpecExamples.WebhookEnvelope);
            Answers.Add(answer);
            return Task.FromResult(new HttpResponseMessage(failed ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK) { RequestMessage = request, Content = answer });
        }
    }

    private sealed class TrackedContent(string body) : StringContent(body, System.Text.Encoding.UTF8, "application/json")
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class FailingHandler(HttpRequestError failure) : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            throw new HttpRequestException(failure, $"simulated {failure}");
        }
    }
}
