using System.Threading.RateLimiting;

namespace RealtimeKit.Generated;

/// <summary>
/// One limit of a <see cref="RealtimeKitLocalRateBudget"/>: at most <see cref="Permits"/> requests
/// in any window of length <see cref="Window"/>. The permits, the queue of callers waiting for
/// one (oldest first, bounded), cancellation and statistics are a
/// <see cref="ConcurrencyLimiter"/>'s; a permit is given back one window after the attempt it paid
/// for ended (its answer's headers arrived, or it failed), and a timer's slack, on the budget's
/// <see cref="TimeProvider"/>: ended permits wait in a queue in the order they ended (their due
/// times in order, since every one waits the same window), and one timer, set for the oldest,
/// gives back every permit that is due. A request is sent after its permit is taken and reaches the service
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
    /// Added to every window a permit is held for, a margin of one coarse timer tick (4 ms on Linux,
    /// 15.6 ms on Windows). A permit's due time is measured on the clock, so a timer that fires
    /// early gives nothing back early (it finds the permit not yet due and is set again); the
    /// slack keeps the budget's window a tick wider than the service's. Negligible against a
    /// window of minutes.
    /// </summary>
    internal static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(16);

    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeProvider _time;

    /// <summary>The permits whose attempts ended, oldest first, each with the timestamp it is due back at; guarded by itself.</summary>
    private readonly Queue<(long Due, RateLimitLease Lease)> _ended = new();

    /// <summary>Set for the oldest ended permit's due time while any waits; idle otherwise.</summary>
    private readonly ITimer _giveBack;

    /// <summary>How long an ended permit is held: the window and the slack.</summary>
    private readonly TimeSpan _held;

    /// <summary><see cref="_held"/> in the clock's timestamp ticks.</summary>
    private readonly long _heldTicks;

    private bool _disposed;

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
        _held = window + TimerSlack;
        _heldTicks = (long)Math.Ceiling(_held.TotalSeconds * time.TimestampFrequency);
        _giveBack = time.CreateTimer(static state => ((RealtimeKitSlidingWindow)state!).GiveBackDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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

    public void Dispose()
    {
        lock (_ended)
        {
            _disposed = true;
            _giveBack.Dispose();
        }

        _limiter.Dispose();
    }

    /// <summary>A permit whose attempt ended now: it is given back one window (and the slack) later.</summary>
    private void End(RateLimitLease lease)
    {
        lock (_ended)
        {
            if (_disposed)
            {
                // The budget is gone, and its limiter with it: nobody waits for this permit.
                lease.Dispose();
                return;
            }

            // The timestamp is read under the lock, so the queue's due times are in order.
            var now = _time.GetTimestamp();
            _ended.Enqueue((now + _heldTicks, lease));
            if (_ended.Count == 1)
            {
                _giveBack.Change(_held, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>
    /// The timer's work: gives back every permit that is due, measured on the clock (a timer may
    /// fire a little early), and sets the timer for the next one.
    /// </summary>
    private void GiveBackDue()
    {
        while (true)
        {
            RateLimitLease lease;
            lock (_ended)
            {
                if (_disposed)
                {
                    return;
                }

                var now = _time.GetTimestamp();
                if (!_ended.TryPeek(out var oldest) || oldest.Due > now)
                {
                    if (_ended.Count > 0)
                    {
                        _giveBack.Change(_time.GetElapsedTime(now, oldest.Due), Timeout.InfiniteTimeSpan);
                    }

                    return;
                }

                lease = _ended.Dequeue().Lease;
            }

            // Outside the lock: a permit given back may start a waiting caller's attempt.
            lease.Dispose();
        }
    }

    /// <summary>A permit taken: disposed, its attempt has ended and it waits in the queue to be given back.</summary>
    private sealed class Holding(RateLimitLease lease, RealtimeKitSlidingWindow limit) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                limit.End(lease);
            }
        }
    }
}
