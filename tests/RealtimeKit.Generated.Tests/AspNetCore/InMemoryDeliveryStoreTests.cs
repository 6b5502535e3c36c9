using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.AspNetCore;

namespace RealtimeKit.Generated.Tests;

/// <summary>The in-memory store's edges the mutation run found untested: its guards, the exact moment a lease or a record ends, and the pruning of expired records.</summary>
public sealed class InMemoryDeliveryStoreTests
{
    private static readonly TimeSpan _lease = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task It_refuses_what_it_cannot_store_by_name()
    {
        var store = new InMemoryRealtimeKitDeliveryStore(_time);

        Assert.Equal("deliveryId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync("", _lease, default).AsTask())).ParamName);
        Assert.Equal("deliveryId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync(null!, _lease, default).AsTask())).ParamName);
        Assert.Equal("lease", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TryClaimAsync("d", TimeSpan.Zero, default).AsTask())).ParamName);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TryClaimAsync("d", _lease, new CancellationToken(canceled: true)).AsTask());

        var claim = await store.TryClaimAsync("d", _lease, default);
        Assert.Equal("retention", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.CompleteAsync(claim, TimeSpan.Zero, default).AsTask())).ParamName);
        Assert.Equal("claim", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.CompleteAsync(null!, _lease, default).AsTask())).ParamName);

        var inProgress = await store.TryClaimAsync("d", _lease, default);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ReleaseAsync(inProgress, default).AsTask());
        Assert.Equal("claim", error.ParamName);
        Assert.StartsWith("Only a claim with the status Claimed can be completed or released.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_needs_an_id_and_a_token()
    {
        Assert.Equal("deliveryId", Assert.ThrowsAny<ArgumentException>(() => RealtimeKitDeliveryClaim.Claimed("", "t")).ParamName);
        Assert.Equal("token", Assert.ThrowsAny<ArgumentException>(() => RealtimeKitDeliveryClaim.Claimed("d", "")).ParamName);
    }

    [Fact]
    public async Task A_lease_ends_at_its_exact_moment_a_new_claim_may_start_then_and_the_old_one_can_no_longer_release()
    {
        var store = new InMemoryRealtimeKitDeliveryStore(_time);
        var first = await store.TryClaimAsync("d", _lease, default);

        _time.Advance(_lease - TimeSpan.FromTicks(1));
        Assert.Equal(RealtimeKitDeliveryClaimStatus.InProgress, (await store.TryClaimAsync("d", _lease, default)).Status);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(await store.ReleaseAsync(first, default)); // its lease is over
        var second = await store.TryClaimAsync("d", _lease, default);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, second.Status);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public async Task A_completion_after_the_next_claim_s_lease_also_ended_is_recorded_and_one_of_a_released_claim_too()
    {
        var store = new InMemoryRealtimeKitDeliveryStore(_time);
        var first = await store.TryClaimAsync("d", _lease, default);
        _time.Advance(_lease);
        var second = await store.TryClaimAsync("d", _lease, default);
        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, second.Status);

        _time.Advance(_lease); // the second lease ends at this very moment: nobody holds the delivery
        Assert.True(await store.CompleteAsync(first, TimeSpan.FromMinutes(1), default));
        Assert.Equal(RealtimeKitDeliveryClaimStatus.AlreadyHandled, (await store.TryClaimAsync("d", _lease, default)).Status);

        var other = await store.TryClaimAsync("e", _lease, default);
        Assert.True(await store.ReleaseAsync(other, default));
        Assert.True(await store.CompleteAsync(other, TimeSpan.FromMinutes(1), default)); // no record left: the handled one is written
        Assert.Equal(RealtimeKitDeliveryClaimStatus.AlreadyHandled, (await store.TryClaimAsync("e", _lease, default)).Status);
    }

    [Fact]
    public async Task Expired_records_are_dropped_at_every_1024th_claim_and_not_before()
    {
        var store = new InMemoryRealtimeKitDeliveryStore(_time);
        for (var i = 0; i < 1023; i++)
        {
            await store.TryClaimAsync($"d-{i}", TimeSpan.FromSeconds(1), default);
        }

        await store.TryClaimAsync("live", TimeSpan.FromMinutes(5), default); // the 1,024th claim: nothing has expired yet
        Assert.Equal(1024, store.RecordCount);

        _time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 1023; i++)
        {
            await store.TryClaimAsync("live", TimeSpan.FromMinutes(5), default); // in progress: no new record
        }

        Assert.Equal(1024, store.RecordCount); // 1,023 claims since the last pruning
        await store.TryClaimAsync("live", TimeSpan.FromMinutes(5), default);
        Assert.Equal(1, store.RecordCount);
    }
}
