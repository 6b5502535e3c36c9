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
}
