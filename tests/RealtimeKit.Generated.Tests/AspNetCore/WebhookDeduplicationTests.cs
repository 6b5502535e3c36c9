using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.AspNetCore;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// MapRealtimeKitWebhooks with deduplication, against real Kestrel endpoints, with the in-memory
/// store and with the Redis store: a delivery is recorded as handled only once its handler
/// returned; a copy arriving meanwhile is answered 503 with Retry-After (RealtimeKit retries 5xx,
/// and would end the delivery on a 200); a handler that threw or was cancelled by an aborted
/// request releases its claim, so that the retry is handled.
/// </summary>
public sealed class WebhookDeduplicationTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(10);

    private readonly SignedSender _sender = new();


    public void Dispose() => _sender.Dispose();

    private Task<Receiver> StartAsync(string store, Func<RealtimeKitWebhookDelivery, HttpContext, Task>? onDelivery = null, Action<IServiceCollection>? services = null) =>
        Receiver.StartAsync(_sender.Pin, onDelivery: onDelivery, services: s =>
        {
            s.AddRealtimeKitWebhookDeduplication(o => o.RetryAfter = TimeSpan.FromSeconds(7));
            if (store == "redis")
            {
                s.AddRealtimeKitWebhookRedisDeduplication(o =>
                {
                    o.Configuration = redis.Configuration;
                    o.KeyPrefix = RedisServer.UniqueKeyPrefix();
                });
            }

            services?.Invoke(s);
        });

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task An_aborted_first_attempt_whose_handler_still_returns_is_recorded_and_its_retry_is_a_duplicate(string store)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var abortSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await StartAsync(store, async (_, context) =>
        {
            context.RequestAborted.Register(() => abortSeen.TrySetResult());
            entered.TrySetResult();
            await finish.Task; // does not watch RequestAborted: the work goes on after the sender gave up
        });
        using var giveUp = new CancellationTokenSource();

        var first = _sender.SendAsync(receiver.Url, "slow-1", giveUp.Token);
        await entered.Task.WaitAsync(_wait);
        var whileRunning = await _sender.SendAsync(receiver.Url, "slow-1");
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await abortSeen.Task.WaitAsync(_wait);
        var afterAbort = await _sender.SendAsync(receiver.Url, "slow-1");
        finish.SetResult();
        var settled = await _sender.SendUntilSettledAsync(receiver.Url, "slow-1");

        Assert.Equal((503, "in progress", TimeSpan.FromSeconds(7)), (whileRunning.Status, whileRunning.Text, whileRunning.RetryAfter));
        Assert.Equal((503, "in progress"), (afterAbort.Status, afterAbort.Text));
        Assert.Equal((200, "duplicate"), (settled.Status, settled.Text));
        Assert.Equal(1, receiver.HandlerCalls);
        Assert.Single(receiver.Received);
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task An_aborted_first_attempt_whose_handler_is_cancelled_releases_the_claim_and_the_retry_is_handled(string store)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var receiver = await StartAsync(store, async (_, context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted); // throws when the sender gives up
            }
        });
        using var giveUp = new CancellationTokenSource();

        var first = _sender.SendAsync(receiver.Url, "slow-2", giveUp.Token);
        await entered.Task.WaitAsync(_wait);
        var whileRunning = await _sender.SendAsync(receiver.Url, "slow-2");
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var retry = await _sender.SendUntilSettledAsync(receiver.Url, "slow-2");
        var copy = await _sender.SendAsync(receiver.Url, "slow-2");

        Assert.Equal((503, TimeSpan.FromSeconds(7)), (whileRunning.Status, whileRunning.RetryAfter));
        Assert.Equal((200, "ok"), (retry.Status, retry.Text));
        Assert.Equal((200, "duplicate"), (copy.Status, copy.Text));
        Assert.Equal(2, calls);
        Assert.Single(receiver.Received);
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task A_handler_that_throws_releases_the_claim_and_the_sandboxes_retry_is_handled(string store)
    {
        await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { DeliveryRetryDelay = TimeSpan.FromMilliseconds(10) });
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = sandbox.PublicKeyUrl, services: s =>
        {
            if (store == "redis")
            {
                s.AddRealtimeKitWebhookRedisDeduplication(o =>
                {
                    o.Configuration = redis.Configuration;
                    o.KeyPrefix = RedisServer.UniqueKeyPrefix();
                });
            }
        });
        receiver.FailFirst = 2;
        sandbox.AddWebhook("acc", "app", "receiver", receiver.Url, [WebhookEvent.MeetingStarted]);

        var report = Assert.Single(await sandbox.DeliverAsync("app", RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted)));

        Assert.True(report.Delivered, report.Error);
        Assert.Equal(3, report.Attempts);
        Assert.Equal(3, receiver.HandlerCalls);
        Assert.Equal(report.DeliveryId, Assert.Single(receiver.Received).DeliveryId);
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task A_handler_failure_is_answered_500_then_the_retry_ok_then_copies_duplicate(string store)
    {
        await using var receiver = await StartAsync(store);
        receiver.FailFirst = 1;

        var failed = await _sender.SendAsync(receiver.Url, "d1");
        var retried = await _sender.SendAsync(receiver.Url, "d1");
        var copy = await _sender.SendAsync(receiver.Url, "d1");

        Assert.Equal((500, "handler failed"), (failed.Status, failed.Text));
        Assert.Null(failed.RetryAfter);
        Assert.Equal((200, "ok"), (retried.Status, retried.Text));
        Assert.Equal((200, "duplicate"), (copy.Status, copy.Text));
        Assert.Equal(2, receiver.HandlerCalls);
    }

    [Fact]
    public async Task A_claim_whose_lease_ended_is_handled_by_the_next_attempt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var receiver = await StartAsync("memory", async (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                entered.TrySetResult();
                await stuck.Task; // an instance that hangs (or died) holding the claim
            }
        }, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddRealtimeKitWebhookDeduplication(o => o.ClaimLease = TimeSpan.FromMinutes(2));
        });

        var first = _sender.SendAsync(receiver.Url, "hung");
        await entered.Task.WaitAsync(_wait);
        time.Advance(TimeSpan.FromMinutes(1));
        var withinLease = await _sender.SendAsync(receiver.Url, "hung");
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterLease = await _sender.SendAsync(receiver.Url, "hung");
        stuck.SetResult();
        await first;

        Assert.Equal(503, withinLease.Status);
        Assert.Equal((200, "ok"), (afterLease.Status, afterLease.Text));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_failing_store_is_answered_503_with_retry_after_and_reaches_no_handler()
    {
        await using var receiver = await StartAsync("memory", services: s => s.AddSingleton<IRealtimeKitDeliveryStore, UnreachableStore>());

        var answer = await _sender.SendAsync(receiver.Url, "d1");

        Assert.Equal((503, "delivery store unavailable", TimeSpan.FromSeconds(7)), (answer.Status, answer.Text, answer.RetryAfter));
        Assert.Equal(0, receiver.HandlerCalls);
    }

    [Fact]
    public async Task A_record_the_store_fails_to_write_once_is_written_on_the_next_try_so_a_later_copy_is_a_duplicate()
    {
        var store = new CompleteFailsFirst(new InMemoryRealtimeKitDeliveryStore(), failures: 2);
        await using var receiver = await StartAsync("memory", services: s => s.AddSingleton<IRealtimeKitDeliveryStore>(store));

        var first = await _sender.SendAsync(receiver.Url, "d1");
        var copy = await _sender.SendAsync(receiver.Url, "d1");

        Assert.Equal((200, "ok"), (first.Status, first.Text));
        Assert.Equal((200, "duplicate"), (copy.Status, copy.Text));
        Assert.Equal(3, store.CompleteCalls);
        Assert.Equal(1, receiver.HandlerCalls);
    }

    [Fact]
    public async Task Without_deduplication_every_copy_reaches_the_handler()
    {
        await using var receiver = await Receiver.StartAsync(_sender.Pin, deduplicate: false);

        Assert.Equal(200, (await _sender.SendAsync(receiver.Url, "d1")).Status);
        Assert.Equal(200, (await _sender.SendAsync(receiver.Url, "d1")).Status);

        Assert.Equal(2, receiver.HandlerCalls);
    }

    private sealed class UnreachableStore : IRealtimeKitDeliveryStore
    {
        public ValueTask<RealtimeKitDeliveryClaim> TryClaimAsync(string deliveryId, TimeSpan lease, CancellationToken cancellationToken) =>
            throw new TimeoutException("the store did not answer");

        public ValueTask<bool> CompleteAsync(RealtimeKitDeliveryClaim claim, TimeSpan retention, CancellationToken cancellationToken) =>
            throw new TimeoutException("the store did not answer");

        public ValueTask<bool> ReleaseAsync(RealtimeKitDeliveryClaim claim, CancellationToken cancellationToken) =>
            throw new TimeoutException("the store did not answer");
    }

    /// <summary>A store whose first records of a handled delivery fail (Redis restarting), then work.</summary>
    private sealed class CompleteFailsFirst(IRealtimeKitDeliveryStore inner, int failures) : IRealtimeKitDeliveryStore
    {
        private int _calls;

        public int CompleteCalls => _calls;

        public ValueTask<RealtimeKitDeliveryClaim> TryClaimAsync(string deliveryId, TimeSpan lease, CancellationToken cancellationToken) =>
            inner.TryClaimAsync(deliveryId, lease, cancellationToken);

        public ValueTask<bool> CompleteAsync(RealtimeKitDeliveryClaim claim, TimeSpan retention, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures ? throw new TimeoutException("the store did not answer") : inner.CompleteAsync(claim, retention, cancellationToken);

        public ValueTask<bool> ReleaseAsync(RealtimeKitDeliveryClaim claim, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(claim, cancellationToken);
    }
}
