using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The rate budget every registered client shares: no window of its length holds more requests
/// sent than it allows (retries count), a call waits for a permit only within its timeout, and
/// the service's headers win: a 429's Retry-After and an exhausted Ratelimit pause every caller,
/// a smaller Ratelimit-Policy lowers the budget.
/// </summary>
public sealed class RateBudgetTests : IDisposable
{
    private static readonly Guid _id = SpecExamples.WebhookId;
    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private void Answer(int status = 200, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(status == 200 ? SpecExamples.WebhookEnvelope : "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait and consider throttling your request speed\"}]}");
        foreach (var (name, value) in headers)
        {
            response.WithHeader(name, value);
        }

        _api.Server.Given(Request.Create()).RespondWith(response);
    }

    /// <summary>A provider whose clients send through <see cref="SendTimes"/>, which notes when each attempt leaves this process.</summary>
    private ServiceProvider Provider(Action<RealtimeKitClientOptions> configure, TimeProvider? time = null, SendTimes? sent = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var builder = services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 0;
            options.Retry.BaseDelay = TimeSpan.Zero;
            configure(options);
        });
        if (sent is not null)
        {
            builder.AddHttpMessageHandler(() => sent);
        }

        return services.BuildServiceProvider();
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(until.Elapsed < TimeSpan.FromSeconds(10), "the condition did not hold within 10 s");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Concurrent_callers_never_put_more_requests_in_a_window_than_the_budget()
    {
        Answer();
        var sent = new SendTimes();
        using var provider = Provider(options =>
        {
            options.RateLimit.PermitsPerWindow = 10;
            options.RateLimit.Window = TimeSpan.FromMilliseconds(500);
        }, sent: sent);
        var clients = new[] { provider.GetRequiredService<IWebhooksClient>(), provider.GetRequiredService<IRealtimeKitClient>().Webhooks };

        await Parallel.ForEachAsync(Enumerable.Range(0, 35), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => await clients[i % 2].GetWebhookAsync("acc", "app", _id));

        var times = sent.Times.Order().ToArray();
        Assert.Equal(35, times.Length);
        Assert.Equal(35, _api.Requests.Count);
        SendTimes.AssertNoWindowHoldsMore(times, 10, TimeSpan.FromMilliseconds(500));

        // The budget is not a trickle either: 35 requests at 10 per 500 ms take about 1.6 s, not many seconds.
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[^1]) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retries_take_permits_and_a_call_with_none_left_in_its_time_ends_in_a_typed_exception()
    {
        Answer(503);
        using var provider = Provider(options =>
        {
            options.Retry.MaxRetries = 5;
            options.RateLimit.PermitsPerWindow = 3;
            options.RateLimit.Window = TimeSpan.FromHours(1);
            options.Timeout = TimeSpan.FromSeconds(2);
        });

        var error = await Assert.ThrowsAsync<RealtimeKitRateBudgetException>(() => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id));

        Assert.Equal(3, _api.Requests.Count);
        Assert.Equal("getWebhook", error.OperationId);
        Assert.Contains("getWebhook was not sent", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 per 01:00:00", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.DoesNotContain(_api.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_who_cancels_while_waiting_gets_an_OperationCanceledException()
    {
        Answer();
        using var provider = Provider(options =>
        {
            options.RateLimit.PermitsPerWindow = 1;
            options.RateLimit.Window = TimeSpan.FromHours(1);
        });
        var client = provider.GetRequiredService<IWebhooksClient>();
        await client.GetWebhookAsync("acc", "app", _id);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetWebhookAsync("acc", "app", _id, cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once()
    {
        Answer();
        using var provider = Provider(options =>
        {
            options.RateLimit.PermitsPerWindow = 1;
            options.RateLimit.Window = TimeSpan.FromHours(1);
            options.RateLimit.QueueLimit = 0;
        });
        var client = provider.GetRequiredService<IWebhooksClient>();
        await client.GetWebhookAsync("acc", "app", _id);

        var waited = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RealtimeKitRateBudgetException>(() => client.GetWebhookAsync("acc", "app", _id));

        Assert.Contains("queue limit", error.Message, StringComparison.Ordinal);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "refused at once, not after the call's timeout of 100 s");
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_429s_Retry_After_pauses_every_caller_also_those_already_waiting_for_a_permit()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        _api.Server.Given(Request.Create()).InScenario("limited").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30").WithDelay(TimeSpan.FromMilliseconds(300)).WithBody("{\"success\":false,\"errors\":[]}"));
        _api.Server.Given(Request.Create()).InScenario("limited").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.WebhookEnvelope));
        using var provider = Provider(options =>
        {
            options.RateLimit.PermitsPerWindow = 1;
            options.RateLimit.Window = TimeSpan.FromSeconds(1);
        }, time);
        var webhooks = provider.GetRequiredService<IWebhooksClient>();
        var other = provider.GetRequiredService<IRealtimeKitClient>().Webhooks;

        var limited = webhooks.GetWebhookAsync("acc", "app", _id);
        await Eventually(() => _api.Requests.Count == 1);
        var waiting = other.GetWebhookAsync("acc", "app", _id);
        var error = await Assert.ThrowsAsync<RealtimeKitRateLimitedException>(() => limited);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);

        // The budget's own window has passed: the waiting call has its permit, but the pause holds it.
        time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        Assert.Single(_api.Requests);

        time.Advance(TimeSpan.FromSeconds(28));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task A_Ratelimit_with_nothing_left_pauses_sending_before_a_429_is_met()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        Answer(200, ("Ratelimit", "\"default\";r=0;t=20"));
        using var provider = Provider(_ => { }, time);
        var client = provider.GetRequiredService<IWebhooksClient>();
        await client.GetWebhookAsync("acc", "app", _id);

        var next = client.GetWebhookAsync("acc", "app", _id);
        time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(200);
        Assert.False(next.IsCompleted);
        Assert.Single(_api.Requests);

        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task A_pause_longer_than_the_time_a_call_has_left_ends_it_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        Answer(200, ("Ratelimit", "\"default\";r=0;t=300"));
        using var provider = Provider(options => options.Timeout = TimeSpan.FromSeconds(100), time);
        var client = provider.GetRequiredService<IWebhooksClient>();
        await client.GetWebhookAsync("acc", "app", _id);

        var error = await Assert.ThrowsAsync<RealtimeKitRateBudgetException>(() => client.GetWebhookAsync("acc", "app", _id)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("paused for", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_Ratelimit_with_quota_left_changes_nothing()
    {
        Answer(200, ("Ratelimit", "\"default\";r=5;t=20"));
        using var provider = Provider(_ => { }, new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var client = provider.GetRequiredService<IWebhooksClient>();

        for (var i = 0; i < 5; i++)
        {
            await client.GetWebhookAsync("acc", "app", _id).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(5, _api.Requests.Count);
    }

    [Fact]
    public async Task A_smaller_Ratelimit_Policy_lowers_the_budget_and_a_larger_one_does_not()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        Answer(200, ("Ratelimit-Policy", "\"default\";q=1200;w=300, \"burst\";q=2;w=60"));
        using var provider = Provider(options => options.Timeout = TimeSpan.FromSeconds(10), time);
        var client = provider.GetRequiredService<IWebhooksClient>();
        var budget = (RealtimeKitLocalRateBudget)provider.GetRequiredService<RealtimeKitRateBudget>();

        // The first answer announces the policy, and its request counts under it: one more this minute.
        for (var i = 0; i < 2; i++)
        {
            await client.GetWebhookAsync("acc", "app", _id).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal([(1200, TimeSpan.FromMinutes(5)), (2, TimeSpan.FromMinutes(1))], budget.Limits);
        var blocked = client.GetWebhookAsync("acc", "app", _id);
        await Task.Delay(200);
        time.Advance(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<RealtimeKitRateBudgetException>(() => blocked).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task The_requests_sent_before_a_smaller_policy_was_announced_count_under_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        Answer(200);
        using var provider = Provider(options => options.Timeout = TimeSpan.FromSeconds(10), time);
        var budget = (RealtimeKitLocalRateBudget)provider.GetRequiredService<RealtimeKitRateBudget>();
        for (var i = 0; i < 3; i++)
        {
            (await budget.TryAcquireAsync(TimeSpan.Zero))!.Dispose();
        }

        await budget.LowerAsync(4, TimeSpan.FromSeconds(10));

        // 3 of the 4 are spent: one more now, none after it until the window has passed.
        var fourth = await budget.TryAcquireAsync(TimeSpan.Zero);
        Assert.NotNull(fourth);
        fourth!.Dispose();
        Assert.Null(await budget.TryAcquireAsync(TimeSpan.Zero));
        time.Advance(TimeSpan.FromSeconds(10) + RealtimeKitSlidingWindow.TimerSlack);
        Assert.NotNull(await budget.TryAcquireAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task The_budget_is_one_for_every_client_of_a_provider()
    {
        Answer();
        using var provider = Provider(options =>
        {
            options.RateLimit.PermitsPerWindow = 2;
            options.RateLimit.Window = TimeSpan.FromHours(1);
            options.Timeout = TimeSpan.FromSeconds(1);
        });

        await provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id);
        await provider.GetRequiredService<IRealtimeKitClient>().Webhooks.GetWebhookAsync("acc", "app", _id);
        await Assert.ThrowsAsync<RealtimeKitRateBudgetException>(() => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id));

        Assert.Same(provider.GetRequiredService<RealtimeKitRateBudget>(), provider.GetRequiredService<RealtimeKitRateBudget>());
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task A_budget_registered_before_AddRealtimeKit_is_the_one_every_client_uses()
    {
        Answer(200, ("Ratelimit-Policy", "\"burst\";q=3;w=60"), ("Ratelimit", "\"default\";r=0;t=7"));
        var mine = new RecordingBudget();
        var services = new ServiceCollection();
        services.AddSingleton<RealtimeKitRateBudget>(mine);
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
        });
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id);
        mine.Refuse = true;
        var error = await Assert.ThrowsAsync<RealtimeKitRateBudgetException>(() => provider.GetRequiredService<IRealtimeKitClient>().Webhooks.GetWebhookAsync("acc", "app", _id));

        Assert.Equal(["acquire 100 s", "permit ended", "pause 00:00:07", "lower 3 per 00:01:00", "acquire 100 s"], mine.Calls);
        Assert.Contains("RecordingBudget", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Switched_off_it_neither_waits_nor_listens()
    {
        Answer(200, ("Ratelimit", "\"default\";r=0;t=300"));
        using var provider = Provider(options =>
        {
            options.RateLimit.Enabled = false;
            options.RateLimit.PermitsPerWindow = 1;
            options.Timeout = TimeSpan.FromSeconds(5);
        });
        var client = provider.GetRequiredService<IWebhooksClient>();

        for (var i = 0; i < 5; i++)
        {
            await client.GetWebhookAsync("acc", "app", _id);
        }

        Assert.Equal(5, _api.Requests.Count);
    }

    [Fact]
    public void The_options_bind_from_configuration_and_are_checked_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiToken"] = "t",
            ["RateLimit:PermitsPerWindow"] = "250",
            ["RateLimit:Window"] = "00:00:10",
            ["RateLimit:QueueLimit"] = "7",
        }).Build());
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<RealtimeKitClientOptions>>().Value;
        Assert.True(options.RateLimit.Enabled);
        Assert.Equal((250, TimeSpan.FromSeconds(10), 7), (options.RateLimit.PermitsPerWindow, options.RateLimit.Window, options.RateLimit.QueueLimit));
        Assert.Contains("RateLimit = 250 per 00:00:10", options.ToString(), StringComparison.Ordinal);

        var defaults = new RealtimeKitClientOptions();
        Assert.Equal((true, 1200, TimeSpan.FromMinutes(5)), (defaults.RateLimit.Enabled, defaults.RateLimit.PermitsPerWindow, defaults.RateLimit.Window));

        var bad = new RealtimeKitClientOptions { ApiToken = "t" };
        bad.RateLimit.PermitsPerWindow = 0;
        bad.RateLimit.Window = TimeSpan.Zero;
        bad.RateLimit.QueueLimit = -1;
        Assert.Equal(
            [
                "RealtimeKitClientOptions.RateLimit.PermitsPerWindow must be at least 1 (or set RateLimit.Enabled to false).",
                "RealtimeKitClientOptions.RateLimit.Window must be between 20 milliseconds and 1 day.",
                "RealtimeKitClientOptions.RateLimit.QueueLimit must not be negative.",
            ],
            bad.Validate());
        bad.RateLimit.Enabled = false;
        Assert.Empty(bad.Validate());

        var failing = new ServiceCollection();
        failing.AddRealtimeKit(o =>
        {
            o.ApiToken = "t";
            o.RateLimit.PermitsPerWindow = 0;
        });
        using var failingProvider = failing.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => failingProvider.GetRequiredService<IOptions<RealtimeKitClientOptions>>().Value);
        Assert.Contains("RateLimit.PermitsPerWindow", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"default\";r=0;t=30", 30)]
    [InlineData("\"default\";r=50;t=30", null)]
    [InlineData("\"default\";r=0", null)]
    [InlineData("\"a\";r=3;t=5, \"b\";r=0;t=12", 12)]
    [InlineData("\"default\";R=0;T=7", 7)]
    [InlineData("garbage;;r=x;t=-1", null)]
    [InlineData("", null)]
    public void The_Ratelimit_header_is_read_as_a_list_of_items(string value, int? pauseSeconds)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Ratelimit", value);

        Assert.Equal(pauseSeconds is { } s ? TimeSpan.FromSeconds(s) : null, RealtimeKitRateLimitHeaders.ExhaustedFor(response.Headers));
    }

    [Fact]
    public void The_Ratelimit_Policy_header_is_read_as_quotas_per_window()
    {
        Assert.Equal([(100, TimeSpan.FromSeconds(60)), (1200, TimeSpan.FromSeconds(300))], RealtimeKitRateLimitHeaders.Policies("\"burst\";q=100;w=60, \"default\";q=1200;w=300"));
        Assert.Empty(RealtimeKitRateLimitHeaders.Policies("\"x\";q=0;w=60, \"y\";q=5, \"z\";w=5, nonsense"));
    }

    [Theory]
    [InlineData(100, 60, 1200, 300, false)]
    [InlineData(1200, 300, 1200, 300, true)]
    [InlineData(2000, 300, 1200, 300, true)]
    [InlineData(2400, 600, 1200, 300, true)]
    [InlineData(2399, 600, 1200, 300, false)]
    [InlineData(250, 10, 1200, 300, false)]
    public void A_policy_is_kept_only_where_the_configured_limit_does_not_imply_it(int permits, int windowSeconds, int configuredPermits, int configuredSeconds, bool implied) =>
        Assert.Equal(implied, RealtimeKitSlidingWindow.Implies(permits, TimeSpan.FromSeconds(windowSeconds), configuredPermits, TimeSpan.FromSeconds(configuredSeconds)));

    [Fact]
    public async Task The_local_budget_gives_a_permit_back_one_whole_window_after_its_attempt_ended_on_its_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var options = new RealtimeKitRateLimitOptions { PermitsPerWindow = 4, Window = TimeSpan.FromSeconds(19) };
        using var budget = new RealtimeKitLocalRateBudget(options, time);

        var inFlight = await budget.TryAcquireAsync(TimeSpan.Zero);
        Assert.NotNull(inFlight);
        for (var i = 0; i < 3; i++)
        {
            (await budget.TryAcquireAsync(TimeSpan.Zero))!.Dispose();
        }

        Assert.Null(await budget.TryAcquireAsync(TimeSpan.Zero));
        Assert.Equal(0, budget.AvailablePermits);
        for (var second = 1; second < 19; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Null(await budget.TryAcquireAsync(TimeSpan.Zero));
        }

        time.Advance(TimeSpan.FromSeconds(1) + RealtimeKitSlidingWindow.TimerSlack - TimeSpan.FromMilliseconds(1));
        Assert.Null(await budget.TryAcquireAsync(TimeSpan.Zero));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, budget.AvailablePermits);

        // The attempt still in flight keeps its permit: its window has not begun.
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, budget.AvailablePermits);
        inFlight!.Dispose();
        inFlight.Dispose();
        time.Advance(TimeSpan.FromSeconds(19) + RealtimeKitSlidingWindow.TimerSlack);
        Assert.Equal(4, budget.AvailablePermits);
        Assert.Equal("RealtimeKitLocalRateBudget { 4 per 00:00:19 }", budget.ToString());
    }

    [Fact]
    public async Task Permits_come_back_one_by_one_each_a_window_after_its_own_attempt_ended()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var budget = new RealtimeKitLocalRateBudget(new RealtimeKitRateLimitOptions { PermitsPerWindow = 3, Window = TimeSpan.FromSeconds(10) }, time);
        var permits = new List<IDisposable>();
        for (var i = 0; i < 3; i++)
        {
            permits.Add((await budget.TryAcquireAsync(TimeSpan.Zero))!);
        }

        // The attempts end at 0, 2 and 4 s; the second window waits while the first is due.
        permits[0].Dispose();
        time.Advance(TimeSpan.FromSeconds(2));
        permits[1].Dispose();
        time.Advance(TimeSpan.FromSeconds(2));
        permits[2].Dispose();
        Assert.Equal(0, budget.AvailablePermits);

        var slack = RealtimeKitSlidingWindow.TimerSlack;
        time.Advance(TimeSpan.FromSeconds(6) + slack - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, budget.AvailablePermits);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, budget.AvailablePermits);
        time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, budget.AvailablePermits);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, budget.AvailablePermits);

        // Taken again and ended before the third is due: it waits behind it.
        var again = (await budget.TryAcquireAsync(TimeSpan.Zero))!;
        again.Dispose();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, budget.AvailablePermits);
        time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(2, budget.AvailablePermits);
        time.Advance(slack);
        Assert.Equal(3, budget.AvailablePermits);
    }

    [Fact]
    public async Task A_permit_whose_attempt_ends_after_the_budget_was_disposed_ends_quietly()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var budget = new RealtimeKitLocalRateBudget(new RealtimeKitRateLimitOptions { PermitsPerWindow = 2, Window = TimeSpan.FromSeconds(10) }, time);
        var ended = (await budget.TryAcquireAsync(TimeSpan.Zero))!;
        var inFlight = (await budget.TryAcquireAsync(TimeSpan.Zero))!;
        ended.Dispose();

        budget.Dispose();
        inFlight.Dispose();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(budget.CurrentPermits);
    }

    [Fact]
    public async Task A_waiting_caller_gets_the_first_permit_that_comes_back_and_one_that_cannot_wait_gets_none()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var budget = new RealtimeKitLocalRateBudget(new RealtimeKitRateLimitOptions { PermitsPerWindow = 1, Window = TimeSpan.FromSeconds(10) }, time);
        (await budget.TryAcquireAsync(TimeSpan.Zero))!.Dispose();

        var patient = budget.TryAcquireAsync(TimeSpan.FromSeconds(30)).AsTask();
        var hurried = budget.TryAcquireAsync(TimeSpan.FromSeconds(5)).AsTask();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await hurried.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(patient.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5) + RealtimeKitSlidingWindow.TimerSlack);
        Assert.NotNull(await patient.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A budget of the caller's own: notes what the handler asks of it.</summary>
    private sealed class RecordingBudget : RealtimeKitRateBudget
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public bool Refuse { get; set; }

        public override ValueTask<IDisposable?> TryAcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue($"acquire {Math.Ceiling(maxWait.TotalSeconds)} s");
            return ValueTask.FromResult<IDisposable?>(Refuse ? null : new Ended(Calls));
        }

        public override ValueTask PauseAsync(TimeSpan duration, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue($"pause {duration}");
            return ValueTask.CompletedTask;
        }

        public override ValueTask LowerAsync(int permits, TimeSpan window, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue($"lower {permits} per {window}");
            return ValueTask.CompletedTask;
        }

        public override string ToString() => "RecordingBudget";

        private sealed class Ended(ConcurrentQueue<string> calls) : IDisposable
        {
            public void Dispose() => calls.Enqueue("permit ended");
        }
    }
}
