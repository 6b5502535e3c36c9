namespace RealtimeKit.Generated;

/// <summary>
/// The rate budget of one process (the default of <c>AddRealtimeKit</c>): the configured limit
/// and any smaller <c>Ratelimit-Policy</c> the service announced, each a
/// <see cref="System.Threading.RateLimiting.ConcurrencyLimiter"/> whose permits come back one window after they were taken, and a pause that holds
/// every caller while the service asked for one. Every wait runs on its <see cref="TimeProvider"/>.
/// </summary>
public sealed class RealtimeKitLocalRateBudget : RealtimeKitRateBudget, IDisposable
{
    private readonly TimeProvider _time;
    private readonly RealtimeKitSlidingWindow _configured;
    private readonly int _queueLimit;
    private readonly List<RealtimeKitSlidingWindow> _replaced = [];
    private readonly object _gate = new();
    private RealtimeKitSlidingWindow? _policy;
    private long _pausedUntil = long.MinValue;
    private volatile bool _disposed;

    /// <summary>Creates the budget of <paramref name="options"/>.</summary>
    /// <param name="options">The limit: <see cref="RealtimeKitRateLimitOptions.PermitsPerWindow"/> per <see cref="RealtimeKitRateLimitOptions.Window"/>.</param>
    /// <param name="timeProvider">The clock of every wait; default the system's.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public RealtimeKitLocalRateBudget(RealtimeKitRateLimitOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (RealtimeKitClientOptionsValidator.CheckRateLimit(options) is { Count: > 0 } failures)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        _queueLimit = options.QueueLimit;
        _configured = new RealtimeKitSlidingWindow(options.PermitsPerWindow, options.Window, _queueLimit, _time);
    }

    /// <summary>The limits in force: the configured one, and the service's smaller one when it announced it.</summary>
    public IReadOnlyList<(int Permits, TimeSpan Window)> Limits =>
        _policy is { } policy ? [(_configured.Permits, _configured.Window), (policy.Permits, policy.Window)] : [(_configured.Permits, _configured.Window)];

    /// <summary>Permits to be had now under the configured limit.</summary>
    public long AvailablePermits => _configured.Available;

    /// <inheritdoc />
    /// <remarks>Zero while the service's pause runs; else the fewest permits of the limits in force; null once disposed.</remarks>
    public override long? CurrentPermits
    {
        get
        {
            lock (_gate)
            {
                return _disposed ? null : PauseRemaining > TimeSpan.Zero ? 0 : _policy is { } policy ? Math.Min(_configured.Available, policy.Available) : _configured.Available;
            }
        }
    }

    /// <summary>How long every caller still waits for the service's pause; zero when none runs.</summary>
    public TimeSpan PauseRemaining => Remaining(Volatile.Read(ref _pausedUntil));

    /// <inheritdoc />
    public override async ValueTask<IDisposable?> TryAcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        if (!await WaitOutPauseAsync(maxWait, started, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var permit = await _configured.TryAcquireAsync(Left(maxWait, started), cancellationToken).ConfigureAwait(false);
        if (permit is null)
        {
            return null;
        }

        try
        {
            if (_policy is { } policy)
            {
                var second = await policy.TryAcquireAsync(Left(maxWait, started), cancellationToken).ConfigureAwait(false);
                if (second is null)
                {
                    permit.Dispose();
                    return null;
                }

                permit = new Both(permit, second);
            }

            // A pause that began while this caller waited for its permit holds it too.
            if (!await WaitOutPauseAsync(maxWait, started, cancellationToken).ConfigureAwait(false))
            {
                permit.Dispose();
                return null;
            }

            return permit;
        }
        catch
        {
            permit.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override ValueTask PauseAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (duration > TimeSpan.Zero)
        {
            var until = _time.GetTimestamp() + (long)(duration.TotalSeconds * _time.TimestampFrequency);
            var current = Volatile.Read(ref _pausedUntil);
            while (until > current)
            {
                var seen = Interlocked.CompareExchange(ref _pausedUntil, until, current);
                if (seen == current)
                {
                    break;
                }

                current = seen;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask LowerAsync(int permits, TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (permits <= 0 || window <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        lock (_gate)
        {
            // Kept only when it is smaller than what is in force: implied by neither the
            // configured limit nor the service's limit already kept.
            if (RealtimeKitSlidingWindow.Implies(permits, window, _configured.Permits, _configured.Window)
                || (_policy is { } current && RealtimeKitSlidingWindow.Implies(permits, window, current.Permits, current.Window)))
            {
                return ValueTask.CompletedTask;
            }

            if (_policy is { } previous)
            {
                // Callers may still wait on it; it is disposed with the budget.
                _replaced.Add(previous);
            }

            // The requests sent in the last configured window (the one that announced the
            // limit among them) count under it, as if they had just ended: at most one of its
            // windows too long, never too short.
            _policy = new RealtimeKitSlidingWindow(permits, window, _queueLimit, _time);
            _policy.Charge((int)Math.Min(_configured.Permits - _configured.Available, permits));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the budget's timers; calls still waiting are refused.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _configured.Dispose();
            _policy?.Dispose();
            foreach (var limit in _replaced)
            {
                limit.Dispose();
            }
        }
    }

    /// <summary>Names the limits in force, and a pause when one runs.</summary>
    public override string ToString() =>
        $"RealtimeKitLocalRateBudget {{ {string.Join(", ", Limits.Select(l => $"{l.Permits} per {l.Window}"))}{(PauseRemaining > TimeSpan.Zero ? $", paused for {PauseRemaining}" : string.Empty)} }}";

    private async ValueTask<bool> WaitOutPauseAsync(TimeSpan maxWait, long started, CancellationToken cancellationToken)
    {
        while (PauseRemaining is var pause && pause > TimeSpan.Zero)
        {
            if (maxWait != Timeout.InfiniteTimeSpan && pause > Left(maxWait, started))
            {
                return false;
            }

            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private TimeSpan Left(TimeSpan maxWait, long started)
    {
        if (maxWait == Timeout.InfiniteTimeSpan)
        {
            return maxWait;
        }

        var left = maxWait - _time.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private TimeSpan Remaining(long until)
    {
        if (until == long.MinValue)
        {
            return TimeSpan.Zero;
        }

        var ticks = until - _time.GetTimestamp();
        return ticks <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)ticks / _time.TimestampFrequency);
    }

    /// <summary>The permits of both limits, given back together.</summary>
    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
