using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.AspNetCore;
using RealtimeKit.Generated.AspNetCore.Redis;
using RealtimeKit.Generated.Tests.Infrastructure;
using StackExchange.Redis;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The contract of IRealtimeKitDeliveryStore, checked the same way against the in-memory store
/// (on a fake clock) and against the Redis store on a real redis-server (on the real clock, with
/// short leases).
/// </summary>
public sealed class DeliveryStoreContractTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan _lease = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _retention = TimeSpan.FromSeconds(1);


    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task A_claim_holds_the_delivery_until_completed_then_copies_are_duplicates(string kind)
    {
        await using var store = Open(kind);

        var claim = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, claim.Status);
        Assert.Equal("d1", claim.DeliveryId);
        Assert.False(string.IsNullOrEmpty(claim.Token));

        var copy = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.InProgress, copy.Status);
        Assert.Null(copy.Token);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, (await store.Store.TryClaimAsync("d2", _lease, CancellationToken.None)).Status);

        Assert.True(await store.Store.CompleteAsync(claim, _retention, CancellationToken.None));

        var after = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.AlreadyHandled, after.Status);
        Assert.False(await store.Store.ReleaseAsync(claim, CancellationToken.None)); // a handled record is no claim to release
        Assert.Equal(RealtimeKitDeliveryClaimStatus.AlreadyHandled, (await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task A_released_claim_lets_the_next_attempt_claim_the_delivery(string kind)
    {
        await using var store = Open(kind);
        var first = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);

        Assert.True(await store.Store.ReleaseAsync(first, CancellationToken.None));
        Assert.False(await store.Store.ReleaseAsync(first, CancellationToken.None));

        var second = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, second.Status);
        Assert.NotEqual(first.Token, second.Token);
        Assert.False(await store.Store.ReleaseAsync(first, CancellationToken.None)); // the first claim cannot release the second
        Assert.Equal(RealtimeKitDeliveryClaimStatus.InProgress, (await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task After_its_lease_a_claim_is_taken_over_and_its_first_owner_can_neither_complete_nor_release_it(string kind)
    {
        await using var store = Open(kind);
        var stale = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);

        await store.AdvancePastAsync(_lease);

        var takeover = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, takeover.Status);
        Assert.False(await store.Store.CompleteAsync(stale, _retention, CancellationToken.None));
        Assert.False(await store.Store.ReleaseAsync(stale, CancellationToken.None));
        Assert.Equal(RealtimeKitDeliveryClaimStatus.InProgress, (await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);

        Assert.True(await store.Store.CompleteAsync(takeover, _retention, CancellationToken.None));
        Assert.False(await store.Store.CompleteAsync(stale, _retention, CancellationToken.None));
        Assert.Equal(RealtimeKitDeliveryClaimStatus.AlreadyHandled, (await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task A_handler_that_outlasted_its_lease_unclaimed_is_still_recorded_as_handled(string kind)
    {
        await using var store = Open(kind);
        var claim = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);

        await store.AdvancePastAsync(_lease);

        Assert.True(await store.Store.CompleteAsync(claim, _retention, CancellationToken.None));
        Assert.Equal(RealtimeKitDeliveryClaimStatus.AlreadyHandled, (await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task A_handled_delivery_is_forgotten_after_the_retention(string kind)
    {
        await using var store = Open(kind);
        var claim = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);
        Assert.True(await store.Store.CompleteAsync(claim, _retention, CancellationToken.None));
        Assert.Equal(RealtimeKitDeliveryClaimStatus.AlreadyHandled, (await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);

        await store.AdvancePastAsync(_retention);

        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, (await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task Of_many_concurrent_claims_of_one_delivery_exactly_one_wins(string kind)
    {
        await using var store = Open(kind);

        var claims = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
            await store.Store.TryClaimAsync("contended", TimeSpan.FromMinutes(1), CancellationToken.None))));

        Assert.Single(claims, c => c.Status == RealtimeKitDeliveryClaimStatus.Claimed);
        Assert.Equal(63, claims.Count(c => c.Status == RealtimeKitDeliveryClaimStatus.InProgress));
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task Only_a_claim_that_was_granted_can_be_completed_or_released(string kind)
    {
        await using var store = Open(kind);
        await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);
        var inProgress = await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.Store.CompleteAsync(inProgress, _retention, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.Store.ReleaseAsync(RealtimeKitDeliveryClaim.AlreadyHandled("d1"), CancellationToken.None));
        Assert.False(await store.Store.ReleaseAsync(RealtimeKitDeliveryClaim.Claimed("d1", "not-the-token"), CancellationToken.None));
        Assert.Equal(RealtimeKitDeliveryClaimStatus.InProgress, (await store.Store.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
    }

    [RedisFact]
    public async Task The_redis_store_keeps_one_key_per_delivery_under_its_prefix_expiring_with_the_lease_then_the_retention()
    {
        var prefix = RedisServer.UniqueKeyPrefix();
        await using var store = new RedisRealtimeKitDeliveryStore(new RealtimeKitRedisDeliveryStoreOptions { Configuration = redis.Configuration, KeyPrefix = prefix });
        await using var inspector = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var database = inspector.GetDatabase();

        var claim = await store.TryClaimAsync("d1", TimeSpan.FromMinutes(5), CancellationToken.None);

        var key = (RedisKey)(prefix + "d1");
        Assert.Equal("claimed:" + claim.Token, (string?)await database.StringGetAsync(key));
        var leaseLeft = await database.KeyTimeToLiveAsync(key);
        Assert.InRange(leaseLeft!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));

        Assert.True(await store.CompleteAsync(claim, TimeSpan.FromHours(24), CancellationToken.None));
        Assert.Equal("handled", (string?)await database.StringGetAsync(key));
        var retentionLeft = await database.KeyTimeToLiveAsync(key);
        Assert.InRange(retentionLeft!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));

        var other = await store.TryClaimAsync("d2", TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.True(await store.ReleaseAsync(other, CancellationToken.None));
        Assert.False(await database.KeyExistsAsync(prefix + "d2"));
    }

    [RedisFact]
    public async Task Redis_stores_with_different_prefixes_do_not_see_each_other()
    {
        await using var one = new RedisRealtimeKitDeliveryStore(new RealtimeKitRedisDeliveryStoreOptions { Configuration = redis.Configuration, KeyPrefix = RedisServer.UniqueKeyPrefix() });
        await using var other = new RedisRealtimeKitDeliveryStore(new RealtimeKitRedisDeliveryStoreOptions { Configuration = redis.Configuration, KeyPrefix = RedisServer.UniqueKeyPrefix() });

        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, (await one.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, (await other.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.InProgress, (await one.TryClaimAsync("d1", _lease, CancellationToken.None)).Status);
    }

    private StoreUnderTest Open(string kind)
    {
        if (kind == "memory")
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
            return new StoreUnderTest(new InMemoryRealtimeKitDeliveryStore(time), duration =>
            {
                time.Advance(duration + TimeSpan.FromMilliseconds(1));
                return Task.CompletedTask;
            });
        }

        var store = new RedisRealtimeKitDeliveryStore(new RealtimeKitRedisDeliveryStoreOptions { Configuration = redis.Configuration, KeyPrefix = RedisServer.UniqueKeyPrefix() });
        return new StoreUnderTest(store, duration => Task.Delay(duration + TimeSpan.FromMilliseconds(150)));
    }

    /// <summary>A store and a way to let time pass for it: a fake clock, or waiting.</summary>
    private sealed class StoreUnderTest(IRealtimeKitDeliveryStore store, Func<TimeSpan, Task> advancePast) : IAsyncDisposable
    {
        public IRealtimeKitDeliveryStore Store { get; } = store;

        public Task AdvancePastAsync(TimeSpan duration) => advancePast(duration);

        public ValueTask DisposeAsync() => Store is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
