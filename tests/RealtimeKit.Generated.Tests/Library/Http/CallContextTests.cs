using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The call context is the one keeper of a call's deadline and clock: however the timeout is set
/// (the options, configuration, ConfigureHttpClient), the deadline the transport applies and the
/// cap the retry handler puts on a Retry-After move together; a registered TimeProvider drives
/// every wait.
/// </summary>
public sealed class CallContextTests : IDisposable
{
    private static readonly Guid _id = SpecExamples.WebhookId;
    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    /// <summary>A provider whose calls may take two seconds, the timeout set the way named.</summary>
    private ServiceProvider TwoSecondsThrough(string way)
    {
        var services = new ServiceCollection();
        void Common(Generated.RealtimeKitClientOptions options)
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 3;
            options.Retry.BaseDelay = TimeSpan.Zero;
        }

        switch (way)
        {
            case "options":
                services.AddRealtimeKit(options =>
                {
                    Common(options);
                    options.Timeout = TimeSpan.FromSeconds(2);
                });
                break;
            case "configuration":
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ApiToken"] = _api.Token,
                    ["BaseAddress"] = _api.BaseAddress.ToString(),
                    ["Timeout"] = "00:00:02",
                    ["Retry:MaxRetries"] = "3",
                    ["Retry:BaseDelay"] = "00:00:00",
                }).Build();
                services.AddRealtimeKit(configuration);
                break;
            default:
                services.AddRealtimeKit(options =>
                {
                    Common(options);
                    options.Timeout = TimeSpan.FromSeconds(100);
                }).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(2));
                break;
        }

        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("options")]
    [InlineData("configuration")]
    [InlineData("ConfigureHttpClient")]
    public async Task A_timeout_set_any_documented_way_caps_Retry_After_as_it_bounds_the_call(string way)
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "5").WithBody("{}"));
        using var provider = TwoSecondsThrough(way);

        // 5 s is within MaxRetryAfter (60 s) but longer than the call may take: no retry, the 429 at once.
        var error = await Assert.ThrowsAsync<RealtimeKitRateLimitedException>(() => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id));

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Single(_api.Requests);
    }

    [Theory]
    [InlineData("options")]
    [InlineData("configuration")]
    [InlineData("ConfigureHttpClient")]
    public async Task A_timeout_set_any_documented_way_is_the_calls_deadline(string way)
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(4)));
        using var provider = TwoSecondsThrough(way);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id).WaitAsync(TimeSpan.FromSeconds(3.5)));

        Assert.Contains("getWebhook did not complete within the configured timeout of 2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_TimeProvider_measures_the_deadline()
    {
        // The answer takes 12 s of real time; the call's 30 s pass on the fake clock long before.
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(12)));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Timeout = TimeSpan.FromSeconds(30);
        });
        using var provider = services.BuildServiceProvider();

        var call = provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id);
        for (var step = 0; step < 100 && !call.IsCompleted; step++)
        {
            await Task.Delay(50);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(8)));
        Assert.Contains("getWebhook did not complete within the configured timeout of 30 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_TimeProvider_dates_the_Retry_After_of_the_exception()
    {
        // A date 90 s after the fake clock's now: on the system clock (a year earlier) it would be a year away.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(1));
        var retryAt = time.GetUtcNow().AddSeconds(90).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", retryAt).WithBody("{}"));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 0;
        });
        using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<RealtimeKitRateLimitedException>(() => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id));

        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(89), TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task A_hand_built_client_keeps_the_timeout_of_its_HttpClient_as_it_is_changed()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(4)));
        using var http = RealtimeKitHttpClient.Create(new Generated.RealtimeKitClientOptions { ApiToken = _api.Token, BaseAddress = _api.BaseAddress, Timeout = TimeSpan.FromSeconds(100) });
        var client = new WebhooksClient(http);
        http.Timeout = TimeSpan.FromSeconds(1);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetWebhookAsync("acc", "app", _id).WaitAsync(TimeSpan.FromSeconds(3.5)));

        Assert.Contains("within the configured timeout of 1 s", error.Message, StringComparison.Ordinal);
    }
}
