using System.Threading.RateLimiting;

namespace RealtimeKit.Generated;

/// <summary>
/// One limit of a <see cref="RealtimeKitLocalRateBudget"/>: at most <see cref="Permits"/> requests
/// in any window of length <see cref="Window"/>. The permits, the queue of callers waiting for
/// one (oldest first, bounded), cancellation and statistics are a
/// <see cref="ConcurrencyLimiter"/>'s; a permit is given back one window after the attempt it paid
/// for ended (its answer's headers arrived, or it failed), and a timer's slack, by a timer of the budget's
/// <see cref="TimeProvider"/>. A request is sent after its permit is taken and reaches the service
/// before its answer returns, so the next request on the same permit is sent, and arrives, a
/// whole window after it: no window holds more than the limit, wherever it is measured, and the
/// limit is used but for one round trip per window.
/// </summary>
/// <remarks>
/// The replenishing limiters of System.Threading.RateLimiting (sliding and fixed window, token
/// bucket) measure their periods on the system's stopwatch even when replenished by hand, so a
/// fake clock cannot drive them, and a sliding window's segments cost a share of the limit.
/// </remarks>
internal sealed class RealtimeKitSlidingWindow : IDisposable
{
    /// <summary>
    /// Added to every window a permit is held for: the system's timers measure their due time on a
    /// coarse tick count (4 ms on Linux, 15.6 ms on Windows) and may fire that much early against
    /// a precise clock. Negligible against a window of minutes.
    /// </summary>
    internal static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(16);

    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeProvider _time;

    public RealtimeKitSlidingWindow(int permits, TimeSpan window, int queueLimit, TimeProvider time)
    {
        Permits = permits;
        Window = window;
        _time = time;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The requests any window of length <see cref="Window"/> may hold.</summary>
    public int Permits { get; }

    /// <summary>The window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Permits to be had now.</summary>
    public long Available => _limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>Whether <paramref name="permits"/> per <paramref name="window"/> is implied by <paramref name="otherPermits"/> per <paramref name="otherWindow"/>: any window of length <paramref name="window"/> under the other holds at most <paramref name="permits"/>.</summary>
    public static bool Implies(int permits, TimeSpan window, int otherPermits, TimeSpan otherWindow) =>
        (long)otherPermits * (long)Math.Ceiling(window / otherWindow) <= permits;

    /// <summary>Takes a permit, waiting at most <paramref name="maxWait"/>; null when none came in time. Disposing the permit starts its window.</summary>
    /// <exception cref="RealtimeKitRateBudgetException">The queue of waiting callers is full.</exception>
    public async ValueTask<IDisposable?> TryAcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var now = _limiter.AttemptAcquire();
        if (now.IsAcquired)
        {
            return new Holding(now, this);
        }

        now.Dispose();
        if (maxWait <= TimeSpan.Zero && maxWait != Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        using var giveUp = maxWait == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(maxWait, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, giveUp.Token);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new RealtimeKitRateBudgetException($"The RealtimeKit rate budget ({Permits} per {Window}) has as many calls waiting as its queue limit allows; the call was not sent.");
        }

        return new Holding(lease, this);
    }

    /// <summary>
    /// Counts up to <paramref name="count"/> requests sent before this limit existed as if their
    /// attempts had ended now: a limit the service announced holds the requests that announced it.
    /// </summary>
    public void Charge(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var lease = _limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                lease.Dispose();
                return;
            }

            new Holding(lease, this).Dispose();
        }
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>A permit taken: disposed, it starts the timer that gives it back one window later.</summary>
    private sealed class Holding(RateLimitLease lease, RealtimeKitSlidingWindow limit) : IDisposable
    {
        private ITimer? _timer;
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _timer = limit._time.CreateTimer(static state => ((Holding)state!).Release(), this, limit.Window + TimerSlack, Timeout.InfiniteTimeSpan);
            }
        }

        private void Release()
        {
            lease.Dispose();
            _timer?.Dispose();
        }
    }
}
