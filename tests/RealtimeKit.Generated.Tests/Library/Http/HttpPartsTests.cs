using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace RealtimeKit.Generated.Tests;

/// <summary>The Http folder's small parts on their own, where the mutation run found their edges unchecked.</summary>
public sealed class HttpPartsTests
{
    // The allow-list, written out: a name dropped from it (or one added) is a decision, not an accident.
    public static TheoryData<string> LoggedHeaderNames { get; } =
    [
        "Accept", "Accept-Encoding", "Age", "Cache-Control", "Connection", "Content-Encoding", "Content-Language",
        "Content-Length", "Content-Type", "Date", "ETag", "Expires", "Last-Modified", "Retry-After", "Server",
        "Transfer-Encoding", "User-Agent", "Vary", "Ratelimit", "Ratelimit-Policy", "cf-ray", "cf-cache-status",
    ];

    [Theory]
    [MemberData(nameof(LoggedHeaderNames))]
    public void Every_header_on_the_allow_list_is_logged_with_its_value_in_any_case(string name)
    {
        Assert.True(RealtimeKitLoggedHeaders.IsAllowed(name));
        Assert.True(RealtimeKitLoggedHeaders.IsAllowed(name.ToUpperInvariant()));
        Assert.False(RealtimeKitLoggedHeaders.ShouldRedact(name.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-Auth-Key")]
    [InlineData("X-Auth-Email")]
    [InlineData("Cookie")]
    [InlineData("Set-Cookie")]
    [InlineData("Proxy-Authorization")]
    [InlineData("")]
    public void A_header_off_the_allow_list_is_redacted(string name)
    {
        Assert.False(RealtimeKitLoggedHeaders.IsAllowed(name));
        Assert.True(RealtimeKitLoggedHeaders.ShouldRedact(name));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("webhooks?page_no=2", "webhooks?page_no=2")]
    [InlineData("https://api.example/client/v4/accounts/a/webhooks?page_no=2&per_page=9", "https://api.example/client/v4/accounts/a/webhooks?*")]
    [InlineData("https://api.example/client/v4/accounts/a/webhooks", "https://api.example/client/v4/accounts/a/webhooks")]
    [InlineData("https://api.example/client/v4/accounts/a/webhooks?", "https://api.example/client/v4/accounts/a/webhooks?*")]
    public void A_logged_address_has_no_query_values(string? address, string logged)
    {
        var uri = address is null ? null : new Uri(address, UriKind.RelativeOrAbsolute);

        Assert.Equal(logged, RealtimeKitLoggingHandler.Address(uri));
    }

    [Fact]
    public void A_Retry_After_date_in_the_past_is_no_wait_and_one_ahead_is_the_time_left()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var past = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(-30));
        using var ahead = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        ahead.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(30));
        using var delta = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        delta.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.Zero, RealtimeKitRetryAfter.Read(past, time));
        Assert.Equal(TimeSpan.FromSeconds(30), RealtimeKitRetryAfter.Read(ahead, time));
        Assert.Equal(TimeSpan.FromSeconds(7), RealtimeKitRetryAfter.Read(delta, time));
        Assert.Null(RealtimeKitRetryAfter.Read(none, time));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    [InlineData(9, false)]
    public async Task A_body_is_read_up_to_its_limit_and_one_byte_more_tells_it_was_cut_off(int length, bool truncated)
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', length));
        foreach (var declared in new[] { true, false })
        {
            using HttpContent content = declared ? new ByteArrayContent(bytes) : new StreamContent(new UnseekableStream(bytes));
            using var body = await RealtimeKitResponseBody.ReadAsync(content, limit: 10, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal((Math.Min(length, 10), truncated, (Exception?)null), (body.Length, body.Truncated, body.Failure));
            Assert.Equal(new string('x', Math.Min(length, 10)), body.Text(int.MaxValue));
            Assert.Equal(new string('x', Math.Min(length, 4)), body.Text(4));
        }
    }

    [Fact]
    public void A_response_joins_a_headers_values_and_names_only_the_header_names()
    {
        var response = new RealtimeKitResponse(200, new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["Ratelimit"] = ["a", "b"], ["cf-ray"] = ["r"] }, "{}");

        Assert.Equal("a, b", response.GetHeader("ratelimit"));
        Assert.Null(response.GetHeader("x-none"));
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => response.GetHeader("")).ParamName);
        Assert.Equal("RealtimeKitResponse { StatusCode = 200, Headers = [Ratelimit, cf-ray] }", response.ToString());
    }

    [Theory]
    [InlineData("HEAD", 503, true)]
    [InlineData("OPTIONS", 503, true)]
    [InlineData("HEAD", 408, true)]
    [InlineData("GET", 502, true)]
    [InlineData("GET", 504, true)]
    [InlineData("GET", 505, false)]
    [InlineData("GET", 499, false)]
    [InlineData("TRACE", 503, false)]
    [InlineData(null, 503, false)]
    [InlineData(null, 429, true)]
    public void The_methods_safe_to_repeat_are_retried_on_a_server_failure_and_no_others(string? method, int status, bool retried)
    {
        using var answer = new HttpResponseMessage((HttpStatusCode)status);

        var decision = RealtimeKitResilience.ShouldRetry(method is null ? null : new HttpMethod(method), Polly.Outcome.FromResult(answer), TimeSpan.FromMinutes(1), TimeProvider.System);

        Assert.Equal(retried, decision);
    }

    [Fact]
    public async Task Retry_pauses_are_jittered_around_the_exponential_backoff()
    {
        var time = new ImmediateTimeProvider();
        var pipeline = RealtimeKitResilience.Build(new RealtimeKitRetryOptions { MaxRetries = 6, BaseDelay = TimeSpan.FromSeconds(1) }, time);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.test/x");
        var context = Polly.ResilienceContextPool.Shared.Get();
        context.Properties.Set(RealtimeKitResilience.RequestKey, request);
        var attempts = 0;

        using var last = await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            return ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }, context);
        Polly.ResilienceContextPool.Shared.Return(context);

        Assert.Equal(7, attempts);
        Assert.Equal(6, time.Waits.Count);
        Assert.All(time.Waits, wait => Assert.True(wait > TimeSpan.Zero, $"a pause of {wait}"));

        // Without jitter the pauses would be exactly 1, 2, 4, 8, 16 and 32 s.
        TimeSpan[] exact = [.. Enumerable.Range(0, 6).Select(n => TimeSpan.FromSeconds(1 << n))];
        Assert.NotEqual(exact, time.Waits);
    }

    [Fact]
    public void The_default_handler_renews_its_connections_every_two_minutes()
    {
        using var handler = RealtimeKitHttpClient.DefaultInnerHandler();

        Assert.Equal(TimeSpan.FromMinutes(2), handler.PooledConnectionLifetime);
    }

    [Fact]
    public void Disposing_a_created_client_disposes_the_handler_it_was_given()
    {
        var inner = new DisposalRecordingHandler();
        var http = RealtimeKitHttpClient.Create(new RealtimeKitClientOptions { ApiToken = "token-not-logged", BaseAddress = new Uri("http://127.0.0.1:9/") }, inner);

        Assert.False(inner.Disposed);
        http.Dispose();

        Assert.True(inner.Disposed);
    }

    [Fact]
    public void Building_the_client_and_its_context_refuses_missing_arguments_by_name()
    {
        using var http = new HttpClient();

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => RealtimeKitHttpClient.Create(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new RealtimeKitAuthenticationHandler(null!)).ParamName);
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => RealtimeKitCallContext.TakeOver(null!, TimeProvider.System)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => RealtimeKitCallContext.TakeOver(http, null!)).ParamName);
    }

    [Fact]
    public void Options_that_are_not_valid_are_refused_with_every_failure_in_one_message()
    {
        var options = new RealtimeKitClientOptions { Timeout = TimeSpan.FromSeconds(-1) };

        var error = Assert.Throws<ArgumentException>(() => RealtimeKitHttpClient.Create(options));

        Assert.Equal("options", error.ParamName);
        var failures = options.Validate();
        Assert.True(failures.Count > 1, "the case needs more than one failure");
        Assert.StartsWith(string.Join(" ", failures), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calls_time_left_counts_down_on_its_clock_to_zero_and_an_infinite_timeout_has_no_end()
    {
        var time = new FakeTimeProvider();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var context = RealtimeKitCallContext.TakeOver(http, time);
        using var request = new RealtimeKitRequestMessage(context, null, HttpMethod.Get, new Uri("https://api.example/")) { StartedAt = time.GetTimestamp() };
        using var endless = new RealtimeKitRequestMessage(context, new RealtimeKitRequestOptions { Timeout = Timeout.InfiniteTimeSpan }, HttpMethod.Get, new Uri("https://api.example/")) { StartedAt = time.GetTimestamp() };

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), request.TimeLeft());
        Assert.Equal(TimeSpan.FromSeconds(10), request.RetryAfterCap(TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(3), request.RetryAfterCap(TimeSpan.FromSeconds(3)));
        time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.Zero, request.TimeLeft());

        Assert.Equal(Timeout.InfiniteTimeSpan, endless.TimeLeft());
        Assert.Equal(TimeSpan.FromSeconds(60), endless.RetryAfterCap(TimeSpan.FromSeconds(60)));
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>Fires every timer at once and records how long it was asked to wait.</summary>
    private sealed class ImmediateTimeProvider : TimeProvider
    {
        public List<TimeSpan> Waits { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Waits)
            {
                Waits.Add(dueTime);
            }

            return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private sealed class DisposalRecordingHandler : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
