using System.Collections.Concurrent;

namespace RealtimeKit.Generated.AspNetCore;

/// <summary>The default <see cref="IRealtimeKitDeliveryStore"/>: in this process's memory, each id kept for <see cref="Retention"/>.</summary>
/// <param name="timeProvider">The clock; null for the system clock.</param>
public sealed class InMemoryRealtimeKitDeliveryStore(TimeProvider? timeProvider = null) : IRealtimeKitDeliveryStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long _operations;

    /// <summary>How long a handled delivery id is remembered; default 24 hours.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(24);

    /// <inheritdoc />
    public ValueTask<bool> TryBeginAsync(string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        PruneNowAndThen();
        var now = _time.GetUtcNow();
        var claimed = false;
        _entries.AddOrUpdate(
            deliveryId,
            _ =>
            {
                claimed = true;
                return new Entry(Done: false, now);
            },
            (_, existing) =>
            {
                if (existing.Done && now - existing.At > Retention)
                {
                    claimed = true;
                    return new Entry(Done: false, now);
                }

                claimed = false;
                return existing;
            });
        return ValueTask.FromResult(claimed);
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string deliveryId, CancellationToken cancellationToken)
    {
        _entries[deliveryId] = new Entry(Done: true, _time.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AbandonAsync(string deliveryId, CancellationToken cancellationToken)
    {
        _entries.TryRemove(deliveryId, out _);
        return ValueTask.CompletedTask;
    }

    private void PruneNowAndThen()
    {
        if (Interlocked.Increment(ref _operations) % 1024 != 0)
        {
            return;
        }

        var cutoff = _time.GetUtcNow() - Retention;
        foreach (var (id, entry) in _entries)
        {
            if (entry.Done && entry.At < cutoff)
            {
                _entries.TryRemove(id, out _);
            }
        }
    }

    private sealed record Entry(bool Done, DateTimeOffset At);
}
