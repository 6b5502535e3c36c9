using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtimeKit.Generated.Redis;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The rate budget in Redis, shared by several service providers (each standing for a replica
/// on the same token) over one real redis-server: together they never put more requests in a
/// window than the budget, a pause or quota one of them met holds all, a permit whose process
/// never ended it counts until its lease is over, and while Redis is away each keeps to a budget
/// of its own, saying so in its log.
/// </summary>
public sealed class RedisRateBudgetTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private static readonly Guid _id = SpecExamples.WebhookId;
    private readonly ApiServer _api = ApiServer.Start();
    private readonly string _prefix = RedisServer.UniqueKeyPrefix();

    public void Dispose() => _api.Dispose();

    private void AnswerOk() =>
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.WebhookEnvelope));

    /// <summary>A replica: its own provider, its clients' budget in Redis, each attempt's send time noted in <paramref name="sent"/>.</summary>
    private ServiceProvider Replica(int permits, TimeSpan window, ConcurrentQueue<long>? sent = null, string? configuration = null, CapturingLoggerProvider? logs = null, Action<RealtimeKitRedisRateBudgetOptions>? configure = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(logging => logging.AddProvider(logs));
        }

        var builder = services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 0;
            options.RateLimit.PermitsPerWindow = permits;
            options.RateLimit.Window = window;
        }).AddRealtimeKitRedisRateBudget(options =>
        {
            options.Configuration = configuration ?? redis.Configuration;
            options.KeyPrefix = _prefix;
            configure?.Invoke(options);
        });
        if (sent is not null)
        {
            builder.AddHttpMessageHandler(() => new SendTimes(sent));
        }

        return services.BuildServiceProvider();
    }

    private RealtimeKitRedisRateBudget Budget(int permits, TimeSpan window, Action<RealtimeKitRedisRateBudgetOptions>? configure = null)
    {
        // A generous operation timeout: on a loaded CI machine a slow answer must not switch a
        // budget to its local fallback, which knows nothing of the other's permits.
        var options = new RealtimeKitRedisRateBudgetOptions { Configuration = redis.Configuration, KeyPrefix = _prefix, BudgetName = "shared", OperationTimeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return new RealtimeKitRedisRateBudget(new RealtimeKitRateLimitOptions { PermitsPerWindow = permits, Window = window }, options);
    }

    [RedisFact]
    public async Task Three_replicas_over_one_Redis_never_put_more_requests_in_a_window_than_the_budget()
    {
        AnswerOk();
        var sent = new ConcurrentQueue<long>();
        var replicas = Enumerable.Range(0, 3).Select(_ => Replica(10, TimeSpan.FromMilliseconds(500), sent)).ToArray();
        try
        {
            await Task.WhenAll(replicas.Select(replica => Parallel.ForEachAsync(
                Enumerable.Range(0, 12),
                new ParallelOptions { MaxDegreeOfParallelism = 6 },
                async (_, _) => await replica.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id))));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }

        var times = sent.Order().ToArray();
        Assert.Equal(36, times.Length);
        Assert.Equal(36, _api.Requests.Count);
        SendTimes.AssertNoWindowHoldsMore(times, 10, TimeSpan.FromMilliseconds(500));

        // Alone, each replica would have sent its 12 in about 0.5 s; together, 36 at 10 per 500 ms take at least 1.5 s.
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[^1]) >= TimeSpan.FromMilliseconds(1400));
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[^1]) < TimeSpan.FromSeconds(8));
    }

    [RedisFact]
    public async Task A_429_met_by_one_replica_pauses_the_others()
    {
        _api.Server.Given(Request.Create()).InScenario("limited").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2").WithBody("{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait\"}]}"));
        _api.Server.Given(Request.Create()).InScenario("limited").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.WebhookEnvelope));
        var sent = new ConcurrentQueue<long>();
        await using var first = Replica(100, TimeSpan.FromSeconds(10), sent);
        await using var second = Replica(100, TimeSpan.FromSeconds(10), sent);

        var error = await Assert.ThrowsAsync<RealtimeKitRateLimitedException>(() => first.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id));
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        await second.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id);

        var times = sent.Order().ToArray();
        Assert.Equal(2, times.Length);
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromMilliseconds(1900), $"the second replica sent {Stopwatch.GetElapsedTime(times[0], times[1]).TotalMilliseconds} ms after the 429 of the first");
    }

    [RedisFact]
    public async Task A_pause_longer_than_a_call_has_left_ends_the_call_of_another_replica_at_once()
    {
        await using var one = Budget(100, TimeSpan.FromSeconds(10));
        await using var other = Budget(100, TimeSpan.FromSeconds(10));

        await one.PauseAsync(TimeSpan.FromSeconds(5));
        var watch = Stopwatch.StartNew();
        Assert.Null(await other.TryAcquireAsync(TimeSpan.FromSeconds(1)));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(900), "a call that cannot outwait the pause is told so at once");
    }

    [RedisFact]
    public async Task A_smaller_quota_announced_to_one_replica_holds_the_others()
    {
        await using var one = Budget(100, TimeSpan.FromSeconds(10));
        await using var other = Budget(100, TimeSpan.FromSeconds(10));

        await one.LowerAsync(2, TimeSpan.FromSeconds(10));
        using (await other.TryAcquireAsync(TimeSpan.Zero))
        using (await other.TryAcquireAsync(TimeSpan.Zero))
        {
        }

        Assert.Null(await other.TryAcquireAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Null(await one.TryAcquireAsync(TimeSpan.FromMilliseconds(200)));
    }

    [RedisFact]
    public async Task A_permit_counts_until_one_window_after_its_attempt_ended()
    {
        await using var one = Budget(1, TimeSpan.FromMilliseconds(400));
        await using var other = Budget(1, TimeSpan.FromMilliseconds(400));

        var permit = await one.TryAcquireAsync(TimeSpan.Zero);
        Assert.NotNull(permit);

        // The attempt runs longer than a window: its permit still counts.
        await Task.Delay(600);
        Assert.Null(await other.TryAcquireAsync(TimeSpan.Zero));
        permit.Dispose();
        var ended = Stopwatch.StartNew();

        using var next = await other.TryAcquireAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(next);
        Assert.True(ended.Elapsed >= TimeSpan.FromMilliseconds(350), $"the next permit came {ended.Elapsed.TotalMilliseconds} ms after the attempt ended, inside its window");
    }

    [RedisFact]
    public async Task A_permit_its_process_never_ended_counts_until_its_lease_and_one_window_are_over()
    {
        await using var killed = Budget(1, TimeSpan.FromMilliseconds(300), o => o.PermitLease = TimeSpan.FromMilliseconds(500));
        await using var survivor = Budget(1, TimeSpan.FromMilliseconds(300), o => o.PermitLease = TimeSpan.FromMilliseconds(500));

        var orphan = await killed.TryAcquireAsync(TimeSpan.Zero);
        Assert.NotNull(orphan);
        var taken = Stopwatch.StartNew();

        using var next = await survivor.TryAcquireAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(next);
        Assert.True(taken.Elapsed >= TimeSpan.FromMilliseconds(750), $"the orphan's permit was free after {taken.Elapsed.TotalMilliseconds} ms, before its lease and a window");
    }

    [RedisFact]
    public async Task Registered_on_the_builder_it_replaces_the_local_budget_named_after_the_token_never_by_it()
    {
        await using var provider = Replica(10, TimeSpan.FromSeconds(1));

        var budget = Assert.IsType<RealtimeKitRedisRateBudget>(provider.GetRequiredService<RealtimeKitRateBudget>());
        Assert.Equal("token-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_api.Token)))[..16], budget.Name);
        Assert.Matches("^token-[0-9a-f]{16}$", budget.Name);
        Assert.DoesNotContain(_api.Token, budget.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Configuration, budget.ToString(), StringComparison.Ordinal);
        Assert.Same(budget, provider.GetRequiredService<RealtimeKitRateBudget>());
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_at_start_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options => options.ApiToken = "t").AddRealtimeKitRedisRateBudget(options => options.PermitLease = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RealtimeKitRedisRateBudgetOptions>>().Value);
        Assert.Contains("Configuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("PermitLease", string.Join(" ", RealtimeKitRedisRateBudget.Check(new RealtimeKitRedisRateBudgetOptions { Configuration = "x", PermitLease = TimeSpan.Zero })), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RealtimeKitRedisRateBudget(new RealtimeKitRateLimitOptions(), new RealtimeKitRedisRateBudgetOptions { Configuration = "x" }));
    }

    [Fact]
    public async Task With_Redis_unreachable_calls_go_on_under_a_budget_of_their_own_and_the_log_says_so_once()
    {
        AnswerOk();
        using var logs = new CapturingLoggerProvider();
        var nobody = $"127.0.0.1:{Ports.Free()},connectTimeout=200";
        await using var provider = Replica(3, TimeSpan.FromSeconds(30), configuration: nobody, logs: logs, configure: o => o.OperationTimeout = TimeSpan.FromMilliseconds(300));
        var webhooks = provider.GetRequiredService<IWebhooksClient>();

        for (var i = 0; i < 3; i++)
        {
            await webhooks.GetWebhookAsync("acc", "app", _id);
        }

        // The local budget holds: a fourth call in the window has no permit within its time.
        var error = await Assert.ThrowsAsync<RealtimeKitRateBudgetException>(() => webhooks.WithRequestOptions(new RealtimeKitRequestOptions { Timeout = TimeSpan.FromMilliseconds(300) }).GetWebhookAsync("acc", "app", _id));
        Assert.Equal(3, _api.Requests.Count);
        Assert.True(((RealtimeKitRedisRateBudget)provider.GetRequiredService<RealtimeKitRateBudget>()).IsUsingLocalBudget);
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category == typeof(RealtimeKitRedisRateBudget).FullName).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("keeps to a budget of its own (3 per 00:00:30)", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Token, string.Join("\n", logs.Lines), StringComparison.Ordinal);
        Assert.Contains("rate budget", error.Message, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task When_Redis_stops_during_a_run_the_calls_go_on_under_the_local_budget()
    {
        AnswerOk();
        var own = new RedisServer();
        await own.InitializeAsync();
        using var logs = new CapturingLoggerProvider();
        await using var provider = Replica(100, TimeSpan.FromSeconds(30), configuration: own.Configuration, logs: logs, configure: o =>
        {
            o.OperationTimeout = TimeSpan.FromMilliseconds(300);
            o.FallbackAfter = TimeSpan.FromMilliseconds(500);
        });
        var webhooks = provider.GetRequiredService<IWebhooksClient>();
        var budget = (RealtimeKitRedisRateBudget)provider.GetRequiredService<RealtimeKitRateBudget>();
        await webhooks.GetWebhookAsync("acc", "app", _id);
        Assert.False(budget.IsUsingLocalBudget);

        await own.DisposeAsync();
        for (var i = 0; i < 3; i++)
        {
            await webhooks.GetWebhookAsync("acc", "app", _id);
        }

        Assert.Equal(4, _api.Requests.Count);
        Assert.True(budget.IsUsingLocalBudget);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(RealtimeKitRedisRateBudget).FullName);
    }

    [RedisFact]
    public async Task A_redis_restart_that_loses_the_log_lets_no_window_hold_more_than_the_budget()
    {
        // Two replicas, two callers each, 10 permits per 5 s: the first 10 go at once and fill the
        // window; Redis is killed at 1 s and back, empty, at 1.4 s. Had the replicas fallen back to
        // budgets of their own, or trusted the empty log, 10 or 20 more would go at once.
        var own = new RedisServer();
        await own.InitializeAsync();
        var window = TimeSpan.FromSeconds(5);
        var replicas = Enumerable.Range(0, 2).Select(_ => new RealtimeKitRedisRateBudget(
            new RealtimeKitRateLimitOptions { PermitsPerWindow = 10, Window = window },
            new RealtimeKitRedisRateBudgetOptions
            {
                Configuration = own.Configuration,
                KeyPrefix = _prefix,
                BudgetName = "restart",
                OperationTimeout = TimeSpan.FromMilliseconds(500),
                RecoveryGrace = TimeSpan.FromSeconds(1.5),
            })).ToArray();
        var granted = new ConcurrentQueue<long>();
        var started = Stopwatch.GetTimestamp();
        var restartedAt = 0L;
        using var stop = new CancellationTokenSource();
        try
        {
            var callers = replicas.SelectMany(budget => Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using var permit = await budget.TryAcquireAsync(TimeSpan.FromMilliseconds(500));
                    if (permit is not null)
                    {
                        granted.Enqueue(Stopwatch.GetTimestamp());
                        await Task.Delay(5);
                    }
                }
            }))).ToList();

            // The window fills (at once on a quiet machine; a loaded one may take longer to connect).
            while (granted.Count < 10 && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(20);
            }

            Assert.Equal(10, granted.Count);
            restartedAt = Stopwatch.GetTimestamp();
            await own.KillAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(400));
            await own.StartAgainAsync();

            // The callers go on until 1.5 s past the first grant after the restart (the next window
            // opens 5 s after the first; a loaded machine reconnects later), at most 30 s.
            while (!granted.Any(t => t > restartedAt) && Stopwatch.GetElapsedTime(restartedAt) < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            stop.Cancel();
            await Task.WhenAll(callers);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            await own.DisposeAsync();
        }

        var times = granted.Order().ToArray();
        SendTimes.AssertNoWindowHoldsMore(times, 10, window);
        Assert.All(times.Take(10), t => Assert.True(t < restartedAt));
        Assert.Contains(times, t => t > restartedAt); // the budget went on after the restart
    }
}
