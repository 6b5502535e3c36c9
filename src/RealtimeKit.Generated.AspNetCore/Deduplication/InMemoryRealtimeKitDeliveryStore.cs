namespace RealtimeKit.Generated.AspNetCore;

/// <summary>
/// The default <see cref="IRealtimeKitDeliveryStore"/>: in this process's memory, so for one
/// instance only. Leases and retention run on the given <see cref="TimeProvider"/>; expired
/// records are dropped now and then.
/// </summary>
/// <param name="timeProvider">The clock; null for the system clock.</param>
public sealed class InMemoryRealtimeKitDeliveryStore(TimeProvider? timeProvider = null) : IRealtimeKitDeliveryStore
{
    private const int PruneEvery = 1024;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private int _claimsSincePrune;

    /// <inheritdoc />
    public ValueTask<RealtimeKitDeliveryClaim> TryClaimAsync(string deliveryId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            PruneNowAndThen(now);
            if (_entries.TryGetValue(deliveryId, out var existing) && existing.ExpiresAt > now)
            {
                return ValueTask.FromResult(existing.Token is null
                    ? RealtimeKitDeliveryClaim.AlreadyHandled(deliveryId)
                    : RealtimeKitDeliveryClaim.InProgress(deliveryId));
            }

            var token = Guid.NewGuid().ToString("N");
            _entries[deliveryId] = new Entry(token, now + lease);
            return ValueTask.FromResult(RealtimeKitDeliveryClaim.Claimed(deliveryId, token));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(RealtimeKitDeliveryClaim claim, TimeSpan retention, CancellationToken cancellationToken)
    {
        var token = OwnToken(claim);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var unclaimed = !_entries.TryGetValue(claim.DeliveryId, out var existing) || existing.ExpiresAt <= now;
            if (!unclaimed && existing!.Token != token)
            {
                return ValueTask.FromResult(false);
            }

            _entries[claim.DeliveryId] = new Entry(Token: null, now + retention);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReleaseAsync(RealtimeKitDeliveryClaim claim, CancellationToken cancellationToken)
    {
        var token = OwnToken(claim);
        lock (_lock)
        {
            var ours = _entries.TryGetValue(claim.DeliveryId, out var existing)
                && existing.Token == token
                && existing.ExpiresAt > _time.GetUtcNow();
            return ValueTask.FromResult(ours && _entries.Remove(claim.DeliveryId));
        }
    }

    private static string OwnToken(RealtimeKitDeliveryClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Status != RealtimeKitDeliveryClaimStatus.Claimed || claim.Token is null)
        {
            throw new ArgumentException("Only a claim with the status Claimed can be completed or released.", nameof(claim));
        }

        return claim.Token;
    }

    /// <summary>Drops expired records once per <see cref="PruneEvery"/> claims, so that memory follows the deliveries of the last retention.</summary>
    private void PruneNowAndThen(DateTimeOffset now)
    {
        if (++_claimsSincePrune < PruneEvery)
        {
            return;
        }

        _claimsSincePrune = 0;
        foreach (var (id, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.Remove(id);
            }
        }
    }

    /// <summary>The records held now, expired ones not yet dropped included (for tests).</summary>
    internal int RecordCount
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A record: in progress when <paramref name="Token"/> is set (the owning claim's), handled when it is null.</summary>
    private sealed record Entry(string? Token, DateTimeOffset ExpiresAt);
}
