using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace RealtimeKit.Generated.Redis;

/// <summary>
/// A <see cref="RealtimeKitRateBudget"/> kept in Redis: every process that uses the same Redis and
/// budget name (by default, every process on the same API token) shares one budget, one pause and
/// one announced quota. The same guarantee as <see cref="RealtimeKitLocalRateBudget"/>, across
/// processes: a permit taken counts until one window after its attempt ended, all measured on
/// Redis's clock, so no window holds more requests than the budget allows wherever it is measured.
/// </summary>
/// <remarks>
/// Each permit is one atomic script in Redis (a sorted set of permits, <see cref="RealtimeKitRedisRateBudgetScripts"/>),
/// and ending it one more, sent without waiting for its answer. While Redis cannot be reached
/// (or answers slower than <see cref="RealtimeKitRedisRateBudgetOptions.OperationTimeout"/>), the
/// process first rides the outage through (<see cref="RealtimeKitRedisRateBudgetOptions.FallbackAfter"/>:
/// no permit is granted, callers wait within their own time), then keeps to a
/// <see cref="RealtimeKitLocalRateBudget"/> of the same limits that holds every permit it took,
/// logs a warning once, and asks Redis again every <see cref="RealtimeKitRedisRateBudgetOptions.UnavailableRetryInterval"/>.
/// Pauses and quotas the service announced are kept in both. When Redis answers again, the
/// process writes the permits Redis has not seen into its log; when Redis lost the log (a restart
/// without its data: the budget's epoch key is gone), every replica does so during
/// <see cref="RealtimeKitRedisRateBudgetOptions.RecoveryGrace"/>, before any grant, so a restart
/// never lets more through than the budget.
/// </remarks>
public sealed partial class RealtimeKitRedisRateBudget : RealtimeKitRateBudget, IAsyncDisposable, IDisposable
{
    /// <summary>How soon a caller asks again when the permit it waits for is still in flight.</summary>
    private static readonly TimeSpan _inFlightPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>How soon a caller asks Redis again while riding through an outage (<see cref="RealtimeKitRedisRateBudgetOptions.FallbackAfter"/>).</summary>
    private static readonly TimeSpan _rideThroughPoll = TimeSpan.FromMilliseconds(200);

    private readonly RealtimeKitLocalRateBudget _local;
    private readonly RealtimeKitRateLimitOptions _limit;
    private readonly RealtimeKitRedisRateBudgetOptions _options;
    private readonly Func<Task<IConnectionMultiplexer>> _connect;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RedisKey[] _keys;
    private readonly RedisKey[] _logKey;
    private readonly RedisKey[] _pauseKey;
    private readonly Lock _stateLock = new();
    private IConnectionMultiplexer? _connection;
    private Task<IConnectionMultiplexer>? _connecting;
    private readonly RealtimeKitRedisOwnPermits _own;
    private long _unavailableUntil = long.MinValue;
    private long _outageStarted = long.MinValue;
    private string? _epoch;
    private int _replayNeeded;
    private int _waiting;
    private long _longestWindowMs;
    private bool _disposed;

    /// <summary>Creates the budget; it connects on first use.</summary>
    /// <param name="rateLimit">The limit every process of the budget keeps to together (and each alone while Redis is away).</param>
    /// <param name="options">The Redis, keys and fallback.</param>
    /// <param name="apiToken">The API token the budget is for: its fingerprint names the budget when <see cref="RealtimeKitRedisRateBudgetOptions.BudgetName"/> is not set. Never stored.</param>
    /// <param name="logger">Where the fallback to the local budget, and the return to Redis, are logged.</param>
    /// <param name="timeProvider">The clock of every wait of this process (windows are measured on Redis's).</param>
    /// <exception cref="ArgumentException">An option is not valid, or neither a budget name nor a token is given.</exception>
    public RealtimeKitRedisRateBudget(RealtimeKitRateLimitOptions rateLimit, RealtimeKitRedisRateBudgetOptions options, string? apiToken = null, ILogger<RealtimeKitRedisRateBudget>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rateLimit);
        ArgumentNullException.ThrowIfNull(options);
        if (Check(options) is { Count: > 0 } failures)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        _local = new RealtimeKitLocalRateBudget(rateLimit, _time);
        _own = new RealtimeKitRedisOwnPermits(_time, () => TimeSpan.FromMilliseconds(Volatile.Read(ref _longestWindowMs)));
        _limit = rateLimit;
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _longestWindowMs = Milliseconds(rateLimit.Window);
        Name = options.BudgetName is { Length: > 0 } name ? name
            : !string.IsNullOrEmpty(apiToken) ? FingerprintOf(apiToken)
            : throw new ArgumentException("RealtimeKitRedisRateBudget needs RealtimeKitRedisRateBudgetOptions.BudgetName or the API token whose budget it is.", nameof(apiToken));
        var tag = $"{options.KeyPrefix}{{{Name}}}:";
        _keys = [tag + "log", tag + "pause", tag + "policy", tag + "epoch"];
        _logKey = [_keys[0]];
        _pauseKey = [_keys[1]];
        if (options.ConnectionMultiplexerFactory is { } factory)
        {
            _connect = factory;
        }
        else
        {
            var configuration = ConfigurationOptions.Parse(options.Configuration!);
            configuration.AbortOnConnectFail = false;
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            _connect = async () => await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        }
    }

    /// <summary>The budget's name in Redis (<see cref="RealtimeKitRedisRateBudgetOptions.BudgetName"/>, or the token's fingerprint).</summary>
    public string Name { get; }

    /// <summary>Whether this process keeps to its own budget now, because Redis could not be reached.</summary>
    public bool IsUsingLocalBudget => _time.GetTimestamp() < Volatile.Read(ref _unavailableUntil);

    /// <summary>The problems of <paramref name="options"/>, each naming its property; empty when they are valid.</summary>
    public static IReadOnlyList<string> Check(RealtimeKitRedisRateBudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ConnectionMultiplexerFactory is null && string.IsNullOrWhiteSpace(options.Configuration))
        {
            failures.Add("RealtimeKitRedisRateBudgetOptions: set Configuration (e.g. localhost:6379) or ConnectionMultiplexerFactory.");
        }

        if (options.KeyPrefix is null)
        {
            failures.Add("RealtimeKitRedisRateBudgetOptions.KeyPrefix must not be null.");
        }

        if (options.FallbackAfter < TimeSpan.Zero || options.FallbackAfter > TimeSpan.FromDays(1))
        {
            failures.Add($"RealtimeKitRedisRateBudgetOptions.FallbackAfter must be zero or more and at most one day; it is {options.FallbackAfter}.");
        }

        foreach (var (value, property) in new[] { (options.PermitLease, "PermitLease"), (options.OperationTimeout, "OperationTimeout"), (options.UnavailableRetryInterval, "UnavailableRetryInterval"), (options.RecoveryGrace, "RecoveryGrace") })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
            {
                failures.Add($"RealtimeKitRedisRateBudgetOptions.{property} must be more than zero and at most one day; it is {value}.");
            }
        }

        return failures;
    }

    /// <inheritdoc />
    /// <remarks>Known only while the budget falls back to this process's own (Redis is away); null otherwise, as the count is Redis's.</remarks>
    public override long? CurrentPermits => IsUsingLocalBudget ? _local.CurrentPermits : null;

    /// <inheritdoc />
    public override async ValueTask<IDisposable?> TryAcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _waiting) > _limit.QueueLimit)
        {
            Interlocked.Decrement(ref _waiting);
            throw new RealtimeKitRateBudgetException($"The RealtimeKit rate budget in Redis ({_limit.PermitsPerWindow} per {_limit.Window}) has as many calls of this process waiting as its queue limit allows; the call was not sent.");
        }

        try
        {
            var started = _time.GetTimestamp();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (IsUsingLocalBudget)
                {
                    return OwnLocal(await _local.TryAcquireAsync(Left(maxWait, started), cancellationToken).ConfigureAwait(false));
                }

                // A pause this process was told of holds it even before Redis has it.
                var wait = _local.PauseRemaining;
                if (wait <= TimeSpan.Zero)
                {
                    if (Volatile.Read(ref _replayNeeded) == 1 && !await ReplayAsync(cancellationToken).ConfigureAwait(false))
                    {
                        wait = RideThrough();
                    }
                    else
                    {
                        var id = Guid.NewGuid().ToString("N");
                        var answer = await EvaluateAsync(
                            RealtimeKitRedisRateBudgetScripts.Acquire,
                            _keys,
                            [id, _limit.PermitsPerWindow, Milliseconds(_limit.Window), Milliseconds(_options.PermitLease), Volatile.Read(ref _epoch) ?? string.Empty, Milliseconds(_options.RecoveryGrace), Guid.NewGuid().ToString("N")],
                            cancellationToken).ConfigureAwait(false);
                        if (answer is null)
                        {
                            // Redis is away: wait for it through a short outage, or (the next turn) take the local budget.
                            wait = RideThrough();
                        }
                        else
                        {
                            var result = (RedisResult[])answer!;
                            var status = (int)result[0];
                            Volatile.Write(ref _epoch, (string?)result[2]);
                            Answered();
                            if (status == RealtimeKitRedisRateBudgetScripts.Granted)
                            {
                                _own.Started(id);
                                return new Permit(this, id, await MirrorAsync().ConfigureAwait(false), inRedis: true);
                            }

                            if (status is RealtimeKitRedisRateBudgetScripts.Lost or RealtimeKitRedisRateBudgetScripts.ReplayNeeded)
                            {
                                // The log lost permits that still count: this process's go back first.
                                LogLogLost(_logger, Name, _options.RecoveryGrace);
                                Volatile.Write(ref _replayNeeded, 1);
                                continue;
                            }

                            wait = status == RealtimeKitRedisRateBudgetScripts.FullInFlight ? _inFlightPoll : TimeSpan.FromMilliseconds((long)result[1]);
                            if (status == RealtimeKitRedisRateBudgetScripts.Paused)
                            {
                                // Kept here too, for a fallback while it runs.
                                await _local.PauseAsync(wait, cancellationToken).ConfigureAwait(false);
                            }
                            else if (status == RealtimeKitRedisRateBudgetScripts.FullInFlight)
                            {
                                wait = Shorter(wait, Left(maxWait, started));
                            }
                        }
                    }
                }

                // No permit now: one that cannot come within the time the call has left is none.
                var left = Left(maxWait, started);
                if (left != Timeout.InfiniteTimeSpan && (wait > left || left == TimeSpan.Zero))
                {
                    return null;
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <inheritdoc />
    public override async ValueTask PauseAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await _local.PauseAsync(duration, cancellationToken).ConfigureAwait(false);
        if (duration > TimeSpan.Zero && !IsUsingLocalBudget)
        {
            await EvaluateAsync(RealtimeKitRedisRateBudgetScripts.Pause, _pauseKey, [Milliseconds(duration)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async ValueTask LowerAsync(int permits, TimeSpan window, CancellationToken cancellationToken = default)
    {
        // The local budget decides whether the quota is smaller than what is in force, and keeps it for a fallback.
        await _local.LowerAsync(permits, window, cancellationToken).ConfigureAwait(false);
        if (_local.Limits is [_, var policy] && !IsUsingLocalBudget)
        {
            InterlockedMax(ref _longestWindowMs, Milliseconds(policy.Window));
            try
            {
                var database = await DatabaseAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);
                await database.StringSetAsync(_keys[2], string.Create(CultureInfo.InvariantCulture, $"{policy.Permits} {Milliseconds(policy.Window)}")).WaitAsync(_options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
            {
                Unavailable(ex);
            }
        }
    }

    /// <summary>Names the budget and its limit; never the connection string.</summary>
    public override string ToString() =>
        $"RealtimeKitRedisRateBudget {{ {Name}: {_limit.PermitsPerWindow} per {_limit.Window}{(IsUsingLocalBudget ? ", Redis unreachable: " + _local : string.Empty)} }}";

    /// <summary>Closes the connection, if one was made, and the local budget's timers.</summary>
    public async ValueTask DisposeAsync()
    {
        _local.Dispose();
        if (TakeConnectionForDisposal() is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection, if one was made, and the local budget's timers.</summary>
    public void Dispose()
    {
        _local.Dispose();
        TakeConnectionForDisposal()?.Dispose();
    }

    /// <summary>The name a token's budget gets: the first 16 hex digits of its SHA-256 (the token cannot be read back from it).</summary>
    internal static string FingerprintOf(string apiToken) =>
        "token-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiToken)), 0, 8);

    /// <summary>
    /// Runs a script within <see cref="RealtimeKitRedisRateBudgetOptions.OperationTimeout"/> (the
    /// caller's cancellation, which its call's deadline cancels, may end it sooner); null when Redis
    /// is away. A permit granted by a script whose answer came too late counts until its lease ends.
    /// </summary>
    private async ValueTask<RedisResult?> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            var database = await DatabaseAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            return await database.ScriptEvaluateAsync(script, keys, values).WaitAsync(Left(_options.OperationTimeout, started), _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            Unavailable(ex);
            return null;
        }
    }

    /// <summary>One round trip to Redis (a PING) within the operation timeout, connecting first if needed: the health check's probe.</summary>
    internal async Task<TimeSpan> PingAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var database = await DatabaseAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        return await database.PingAsync().WaitAsync(Left(_options.OperationTimeout, started), _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection's database; the first caller starts connecting, every caller waits for it within <paramref name="limit"/>.</summary>
    private async ValueTask<IDatabase> DatabaseAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        Task<IConnectionMultiplexer> connecting;
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { } connection)
            {
                return connection.GetDatabase();
            }

            connecting = _connecting ??= ConnectAsync();
        }

        return (await connecting.WaitAsync(limit, _time, cancellationToken).ConfigureAwait(false)).GetDatabase();
    }

    /// <summary>Connects once; a failure lets the next caller try again. A connection made after the budget was disposed is closed.</summary>
    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        try
        {
            var connection = await _connect().ConfigureAwait(false)
                ?? throw new InvalidOperationException("RealtimeKitRedisRateBudgetOptions.ConnectionMultiplexerFactory returned null.");
            lock (_stateLock)
            {
                if (!_disposed)
                {
                    _connection = connection;
                    connection.ConnectionRestored += OnConnectionRestored;
                    return connection;
                }
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ObjectDisposedException(nameof(RealtimeKitRedisRateBudget));
        }
        catch
        {
            lock (_stateLock)
            {
                _connecting = null;
            }

            throw;
        }
    }

    private IConnectionMultiplexer? TakeConnectionForDisposal()
    {
        lock (_stateLock)
        {
            _disposed = true;
            var connection = _connection;
            _connection = null;
            return connection;
        }
    }

    /// <summary>Ends a permit in Redis: its window starts now. Sent without waiting; a failure leaves the permit counting until its lease ends, never less.</summary>
    private void End(string id)
    {
        IConnectionMultiplexer? connection;
        lock (_stateLock)
        {
            connection = _disposed ? null : _connection;
        }

        try
        {
            connection?.GetDatabase().ScriptEvaluate(RealtimeKitRedisRateBudgetScripts.Release, _logKey, [id, Volatile.Read(ref _longestWindowMs) + Milliseconds(_options.PermitLease)], CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            LogEndNotSent(_logger, Name, ex);
        }
    }

    private static bool IsUnavailable(Exception ex, CancellationToken cancellationToken) =>
        ex is RedisException or TimeoutException or System.Net.Sockets.SocketException
        && !cancellationToken.IsCancellationRequested;

    /// <summary>
    /// Redis did not answer. An outage is ridden through (no permit is granted, callers wait and
    /// ask again) for <see cref="RealtimeKitRedisRateBudgetOptions.FallbackAfter"/> when this process
    /// had reached Redis before, as a restart or failover takes a moment and the other replicas'
    /// permits are unknown meanwhile; after that, or at once for a process that never reached
    /// Redis, the process keeps to its local budget until the retry interval has passed.
    /// </summary>
    private void Unavailable(Exception ex)
    {
        var now = _time.GetTimestamp();
        Interlocked.CompareExchange(ref _outageStarted, now, long.MinValue);
        if (Volatile.Read(ref _epoch) is not null && _time.GetElapsedTime(Volatile.Read(ref _outageStarted), now) < _options.FallbackAfter)
        {
            return;
        }

        var until = now + (long)(_options.UnavailableRetryInterval.TotalSeconds * _time.TimestampFrequency);
        var before = Interlocked.Exchange(ref _unavailableUntil, until);
        if (before == long.MinValue)
        {
            LogRedisUnreachable(_logger, Name, _limit.PermitsPerWindow, _limit.Window, _options.UnavailableRetryInterval, ex);
        }
    }

    /// <summary>Redis answered: the outage, if there was one, is over. After a fallback, the permits of this process that Redis has not seen go into its log before the next grant.</summary>
    private void Answered()
    {
        Volatile.Write(ref _outageStarted, long.MinValue);
        if (Volatile.Read(ref _unavailableUntil) != long.MinValue && Interlocked.Exchange(ref _unavailableUntil, long.MinValue) != long.MinValue)
        {
            Volatile.Write(ref _replayNeeded, 1);
            LogRedisAnswersAgain(_logger, Name);
        }
    }

    /// <summary>The wait before asking Redis again when it did not answer: a moment while the outage is ridden through, none once the local budget takes over.</summary>
    private TimeSpan RideThrough() => IsUsingLocalBudget ? TimeSpan.Zero : _rideThroughPoll;

    /// <summary>Writes this process's permits whose window has not passed into Redis's log (those it has keep theirs); false when Redis did not answer.</summary>
    private async ValueTask<bool> ReplayAsync(CancellationToken cancellationToken)
    {
        List<RedisValue> values = [Milliseconds(_options.PermitLease), Volatile.Read(ref _longestWindowMs), .. _own.ReplayArguments()];
        if (await EvaluateAsync(RealtimeKitRedisRateBudgetScripts.Replay, _logKey, [.. values], cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        Answered();
        Volatile.Write(ref _replayNeeded, 0);
        return true;
    }

    /// <summary>The twin of a Redis permit in the local budget, so that a fallback counts this process's permits; none when the local budget has none to give at once.</summary>
    private async ValueTask<IDisposable?> MirrorAsync()
    {
        try
        {
            return await _local.TryAcquireAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RealtimeKitRateBudgetException)
        {
            return null; // its queue is full: Redis granted the permit, which is what counts
        }
    }

    /// <summary>A permit of the local budget (Redis is away), remembered so that Redis's log gets it once Redis answers again.</summary>
    private Permit? OwnLocal(IDisposable? permit)
    {
        if (permit is null)
        {
            return null;
        }

        var id = Guid.NewGuid().ToString("N");
        _own.Started(id);
        return new Permit(this, id, permit, inRedis: false);
    }

    /// <summary>The connection dropped and came back (Redis restarted, a failover): the log may have lost permits; this process writes its own back now, even while it sends nothing.</summary>
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        Volatile.Write(ref _replayNeeded, 1);
        _ = Task.Run(async () =>
        {
            try
            {
                await ReplayAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // disposed meanwhile
            }
        });
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

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) =>
        a == Timeout.InfiniteTimeSpan ? b : b == Timeout.InfiniteTimeSpan ? a : a < b ? a : b;

    private static long Milliseconds(TimeSpan value) => (long)Math.Ceiling(value.TotalMilliseconds);

    private static void InterlockedMax(ref long location, long value)
    {
        var current = Volatile.Read(ref location);
        while (value > current && Interlocked.CompareExchange(ref location, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Redis cannot be reached for the RealtimeKit rate budget {BudgetName}: this process keeps to a budget of its own ({Permits} per {Window}) and asks Redis again every {RetryInterval}; other replicas do not see its requests meanwhile.")]
    private static partial void LogRedisUnreachable(ILogger logger, string budgetName, int permits, TimeSpan window, TimeSpan retryInterval, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Redis answers again: the RealtimeKit rate budget {BudgetName} is shared again.")]
    private static partial void LogRedisAnswersAgain(ILogger logger, string budgetName);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "The end of a permit of the RealtimeKit rate budget {BudgetName} was not sent to Redis; it counts until its lease ends.")]
    private static partial void LogEndNotSent(ILogger logger, string budgetName, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Redis lost the log of the RealtimeKit rate budget {BudgetName} (restarted without its data?): every replica writes its own permits back, and none is granted for {Grace}.")]
    private static partial void LogLogLost(ILogger logger, string budgetName, TimeSpan grace);

    /// <summary>
    /// A permit of this process: in Redis (with its twin in the local budget, so that a fallback
    /// counts it), or of the local budget alone while Redis is away. Disposed, its attempt has
    /// ended and its window starts, wherever it is counted; it stays remembered for Redis's log.
    /// </summary>
    private sealed class Permit(RealtimeKitRedisRateBudget budget, string id, IDisposable? local, bool inRedis) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                if (inRedis)
                {
                    budget.End(id);
                }

                local?.Dispose();
                budget._own.Ended(id);
            }
        }
    }
}
