using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The health checks a service registers: the API's (one authenticated call, no retry) against
/// the sandbox with a wrong token, a working one, and a failing service; and the Redis stores'
/// against a running and an absent Redis.
/// </summary>
public sealed class HealthCheckTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncDisposable
{
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";

    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    private async Task<HealthReport> CheckAsync(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure(services);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }

    private Task<HealthReport> CheckApiAsync(string token, TimeSpan? timeout = null) => CheckAsync(services =>
    {
        services.AddRealtimeKit(o =>
        {
            o.BaseAddress = _sandbox.BaseAddress;
            o.ApiToken = token;
            o.Retry.BaseDelay = TimeSpan.Zero;
        });
        services.AddHealthChecks().AddRealtimeKit(Account, timeout: timeout);
    });

    [Fact]
    public async Task A_working_token_is_healthy()
    {
        var report = await CheckApiAsync(_sandbox.ApiToken);

        var entry = report.Entries[RealtimeKitHealthChecksBuilderExtensions.DefaultName];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("The RealtimeKit API accepted the credential.", entry.Description);
        Assert.Equal(["listApps"], _sandbox.Requests.Select(r => r.OperationId));
    }

    [Fact]
    public async Task A_wrong_token_is_unhealthy_with_the_APIs_reason_and_never_the_token()
    {
        const string wrong = "wrong-token-7b3c9e1d5f";

        var report = await CheckApiAsync(wrong);

        var entry = report.Entries[RealtimeKitHealthChecksBuilderExtensions.DefaultName];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("The RealtimeKit API refused the credential (401): ", entry.Description, StringComparison.Ordinal);
        Assert.True(entry.Description!.Length > "The RealtimeKit API refused the credential (401): ".Length + 3, entry.Description);
        Assert.DoesNotContain(wrong, entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(_sandbox.ApiToken, entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_or_slow_service_is_degraded_after_one_attempt()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.ServiceUnavailableHtml(), times: 1, operationId: "listApps");
        var failing = await CheckApiAsync(_sandbox.ApiToken);
        Assert.Equal(HealthStatus.Degraded, failing.Entries["realtimekit"].Status);
        Assert.StartsWith("The RealtimeKit API answered 503", failing.Entries["realtimekit"].Description, StringComparison.Ordinal);
        Assert.Single(_sandbox.Requests); // sent once: a probe does not retry

        _sandbox.InjectFault(RealtimeKitSandboxFault.Delayed(TimeSpan.FromSeconds(10)), operationId: "listApps");
        var slow = await CheckApiAsync(_sandbox.ApiToken, TimeSpan.FromMilliseconds(300));
        Assert.Equal((HealthStatus.Degraded, "The RealtimeKit API did not answer: TimeoutException."), (slow.Entries["realtimekit"].Status, slow.Entries["realtimekit"].Description));
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_is_degraded_not_healthy()
    {
        var closedPort = Ports.Free();
        var report = await CheckAsync(services =>
        {
            services.AddRealtimeKit(o =>
            {
                o.BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/client/v4/");
                o.ApiToken = "t";
            });
            services.AddHealthChecks().AddRealtimeKit(Account);
        });

        Assert.Equal((HealthStatus.Degraded, "The RealtimeKit API did not answer: RealtimeKitConnectionException."), (report.Entries["realtimekit"].Status, report.Entries["realtimekit"].Description));
    }

    [RedisFact]
    public async Task The_Redis_delivery_store_and_rate_budget_are_healthy_with_Redis_and_not_without()
    {
        var closedPort = Ports.Free();
        Task<HealthReport> Check(string configuration) => CheckAsync(services =>
        {
            services.AddRealtimeKit(o => o.ApiToken = "t").AddRealtimeKitRedisRateBudget(o =>
            {
                o.Configuration = configuration;
                o.KeyPrefix = RedisServer.UniqueKeyPrefix();
                o.OperationTimeout = TimeSpan.FromSeconds(10);
            });
            services.AddRealtimeKitWebhooks(o => o.PublicKeyPem = "unused");
            services.AddRealtimeKitWebhookRedisDeduplication(o =>
            {
                o.Configuration = configuration;
                o.KeyPrefix = RedisServer.UniqueKeyPrefix();
            });
            services.AddHealthChecks().AddRealtimeKitRedisDeliveryStore().AddRealtimeKitRedisRateBudget();
        });

        var up = await Check(redis.Configuration);
        var down = await Check($"127.0.0.1:{closedPort},connectTimeout=500");

        Assert.Equal(HealthStatus.Healthy, up.Entries["realtimekit-delivery-store"].Status);
        Assert.Equal(HealthStatus.Healthy, up.Entries["realtimekit-rate-budget"].Status);
        Assert.StartsWith("Redis answered in ", up.Entries["realtimekit-delivery-store"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, down.Entries["realtimekit-delivery-store"].Status);
        Assert.Equal(HealthStatus.Degraded, down.Entries["realtimekit-rate-budget"].Status);
        Assert.Contains("cannot reach Redis", down.Entries["realtimekit-rate-budget"].Description, StringComparison.Ordinal);
    }
}
