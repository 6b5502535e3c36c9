using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The sandbox enforces a limit per token when asked: Ratelimit and Ratelimit-Policy on every
/// answer, 429 with Retry-After beyond the limit and for the rest of the window; off by default.
/// A client registered as users register it reads those headers and never meets the 429.
/// </summary>
public sealed class SandboxRateLimitTests
{
    private const string Webhooks = "accounts/acc/realtime/kit/app/webhooks";

    private static HttpClient Raw(RealtimeKitSandbox sandbox, string? token = null)
    {
        var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? sandbox.ApiToken);
        return http;
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));

    [Fact]
    public async Task Beyond_the_limit_the_token_is_answered_429_for_the_rest_of_the_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { TimeProvider = time, RateLimit = RealtimeKitSandboxRateLimit.Parse("3/10s") });
        using var http = Raw(sandbox);

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.GetAsync(Webhooks);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            remaining.Add(Header(ok, "Ratelimit"));
            Assert.Equal("\"default\";q=3;w=10", Header(ok, "Ratelimit-Policy"));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["\"default\";r=2;t=10", "\"default\";r=1;t=9", "\"default\";r=0;t=8"], remaining);

        using var limited = await http.PostAsync(Webhooks, new StringContent("""{"name":"n","url":"https://e.com/h","events":["meeting.started"]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("\"default\";r=0;t=7", Header(limited, "Ratelimit"));
        Assert.Contains("\"success\":false", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sandbox.GetWebhooks("acc", "app"));

        // Blocked until the window ends, whatever the request.
        time.Advance(TimeSpan.FromSeconds(6));
        using (var stillBlocked = await http.GetAsync(Webhooks))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillBlocked.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), stillBlocked.Headers.RetryAfter?.Delta);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var again = await http.GetAsync(Webhooks);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("\"default\";r=2;t=10", Header(again, "Ratelimit"));
    }

    [Fact]
    public async Task Requests_without_the_token_do_not_count_and_no_limit_is_the_default()
    {
        await using var limitedSandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { RateLimit = new RealtimeKitSandboxRateLimit(1, TimeSpan.FromHours(1)) });
        using (var stranger = Raw(limitedSandbox, "not-the-token"))
        {
            for (var i = 0; i < 3; i++)
            {
                using var denied = await stranger.GetAsync(Webhooks);
                Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
                Assert.False(denied.Headers.Contains("Ratelimit"));
            }
        }

        using (var http = Raw(limitedSandbox))
        {
            using var first = await http.GetAsync(Webhooks);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await using var sandbox = RealtimeKitSandbox.Start();
        using var plain = Raw(sandbox);
        for (var i = 0; i < 5; i++)
        {
            using var ok = await plain.GetAsync(Webhooks);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.False(ok.Headers.Contains("Ratelimit"));
            Assert.False(ok.Headers.Contains("Ratelimit-Policy"));
        }
    }

    [Fact]
    public async Task A_client_registered_by_default_learns_the_limit_from_the_headers_and_never_meets_a_429()
    {
        await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { RateLimit = RealtimeKitSandboxRateLimit.Parse("4/1s") });
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = sandbox.ApiToken;
            options.Retry.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var webhooks = provider.GetRequiredService<IWebhooksClient>();

        for (var i = 0; i < 10; i++)
        {
            await webhooks.ListWebhooksAsync("acc", "app");
        }

        Assert.Equal(10, sandbox.Requests.Count);
        Assert.All(sandbox.Requests, r => Assert.Equal(200, r.StatusCode));
    }

    [Theory]
    [InlineData("250/10s", 250, 10_000)]
    [InlineData("1200/5m", 1200, 300_000)]
    [InlineData("100/500ms", 100, 500)]
    [InlineData("10/1h", 10, 3_600_000)]
    [InlineData("5/2", 5, 2_000)]
    [InlineData("7/1.5s", 7, 1_500)]
    public void A_limit_is_read_as_count_per_window(string text, int permits, int milliseconds)
    {
        var limit = RealtimeKitSandboxRateLimit.Parse(text);

        Assert.Equal((permits, TimeSpan.FromMilliseconds(milliseconds)), (limit.Permits, limit.Window));
        Assert.Equal(limit.Permits, RealtimeKitSandboxRateLimit.Parse(limit.ToString()).Permits);
        Assert.Equal(limit.Window, RealtimeKitSandboxRateLimit.Parse(limit.ToString()).Window);
    }

    [Theory]
    [InlineData("")]
    [InlineData("250")]
    [InlineData("0/10s")]
    [InlineData("-1/10s")]
    [InlineData("10/")]
    [InlineData("10/0s")]
    [InlineData("10/5d")]
    [InlineData("10/-1s")]
    [InlineData("ten/10s")]
    [InlineData("10/10 seconds")]
    public void Anything_else_is_not_a_limit(string text)
    {
        Assert.False(RealtimeKitSandboxRateLimit.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => RealtimeKitSandboxRateLimit.Parse(text));
        Assert.Contains("250/10s", error.Message, StringComparison.Ordinal);
    }
}
