using System.Globalization;
using StackExchange.Redis;

namespace RealtimeKit.Generated.AspNetCore.Redis;

/// <summary>
/// An <see cref="IRealtimeKitDeliveryStore"/> in Redis, shared by every receiver instance that
/// connects to the same Redis with the same <see cref="RealtimeKitRedisDeliveryStoreOptions.KeyPrefix"/>.
/// </summary>
/// <remarks>
/// One string key per delivery id (<c>{KeyPrefix}{rtk-uuid}</c>), whose value is
/// <c>claimed:{token}</c> while a claim holds it and <c>handled</c> once its handler returned;
/// Redis expires the key when the lease or the retention ends. Each operation is one Lua script,
/// so it is atomic: a claim is <c>SET key claimed:{token} NX PX lease</c>; completing sets
/// <c>handled</c> with the retention only while the value is still this claim's (or the key is
/// gone); releasing deletes the key only while the value is still this claim's. The connection
/// is made on first use, and disposed with the store.
/// </remarks>
public sealed class RedisRealtimeKitDeliveryStore : IRealtimeKitDeliveryStore, IAsyncDisposable, IDisposable
{
    private const string ClaimedPrefix = "claimed:";
    private const string Handled = "handled";

    // KEYS[1] the delivery's key; ARGV[1] claimed:{token}; ARGV[2] the lease in ms; ARGV[3] "handled".
    // 0: claimed; 1: handled already; 2: another claim holds it.
    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return 0
        end
        if redis.call('GET', KEYS[1]) == ARGV[3] then
          return 1
        end
        return 2
        """;

    // KEYS[1] the delivery's key; ARGV[1] claimed:{token}; ARGV[2] "handled"; ARGV[3] the retention in ms.
    // 1: recorded as handled; 0: another claim holds the key, or handled it.
    private const string CompleteScript = """
        local current = redis.call('GET', KEYS[1])
        if current == ARGV[1] or current == false then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          return 1
        end
        return 0
        """;

    // KEYS[1] the delivery's key; ARGV[1] claimed:{token}. 1: deleted; 0: not this claim's.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly Func<Task<IConnectionMultiplexer>> _connect;
    private readonly string _keyPrefix;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly Lock _stateLock = new();
    private IConnectionMultiplexer? _connection;
    private bool _disposed;

    /// <summary>Creates the store; it connects on first use.</summary>
    /// <param name="options">The Redis to use (<see cref="RealtimeKitRedisDeliveryStoreOptions.Configuration"/> or <see cref="RealtimeKitRedisDeliveryStoreOptions.ConnectionMultiplexerFactory"/>) and the key prefix; read once, here.</param>
    public RedisRealtimeKitDeliveryStore(RealtimeKitRedisDeliveryStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.KeyPrefix, nameof(options.KeyPrefix));
        if (options.ConnectionMultiplexerFactory is { } factory)
        {
            _connect = factory;
        }
        else if (!string.IsNullOrWhiteSpace(options.Configuration))
        {
            var configuration = options.Configuration;
            _connect = async () => await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        }
        else
        {
            throw new ArgumentException("RealtimeKitRedisDeliveryStoreOptions needs Configuration or ConnectionMultiplexerFactory.", nameof(options));
        }

        _keyPrefix = options.KeyPrefix;
    }

    /// <inheritdoc />
    public async ValueTask<RealtimeKitDeliveryClaim> TryClaimAsync(string deliveryId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var token = Guid.NewGuid().ToString("N");
        var answer = (int)await database.ScriptEvaluateAsync(
            ClaimScript,
            [Key(deliveryId)],
            [ClaimedPrefix + token, Milliseconds(lease), Handled]).ConfigureAwait(false);
        return answer switch
        {
            0 => RealtimeKitDeliveryClaim.Claimed(deliveryId, token),
            1 => RealtimeKitDeliveryClaim.AlreadyHandled(deliveryId),
            _ => RealtimeKitDeliveryClaim.InProgress(deliveryId),
        };
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(RealtimeKitDeliveryClaim claim, TimeSpan retention, CancellationToken cancellationToken)
    {
        var token = OwnToken(claim);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var answer = (int)await database.ScriptEvaluateAsync(
            CompleteScript,
            [Key(claim.DeliveryId)],
            [ClaimedPrefix + token, Handled, Milliseconds(retention)]).ConfigureAwait(false);
        return answer == 1;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReleaseAsync(RealtimeKitDeliveryClaim claim, CancellationToken cancellationToken)
    {
        var token = OwnToken(claim);
        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var answer = (int)await database.ScriptEvaluateAsync(
            ReleaseScript,
            [Key(claim.DeliveryId)],
            [ClaimedPrefix + token]).ConfigureAwait(false);
        return answer == 1;
    }

    /// <summary>Closes the connection, if one was made.</summary>
    public async ValueTask DisposeAsync()
    {
        var connection = TakeConnectionForDisposal();
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection, if one was made.</summary>
    public void Dispose() => TakeConnectionForDisposal()?.Dispose();

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

    /// <summary>One round trip to Redis (a PING), connecting first if needed: the health check's probe.</summary>
    internal async Task<TimeSpan> PingAsync(CancellationToken cancellationToken)
    {
        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = CurrentConnection();
        if (connection is not null)
        {
            return connection.GetDatabase();
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            connection = CurrentConnection();
            if (connection is null)
            {
                connection = await _connect().ConfigureAwait(false)
                    ?? throw new InvalidOperationException("RealtimeKitRedisDeliveryStoreOptions.ConnectionMultiplexerFactory returned null.");
                bool disposed;
                lock (_stateLock)
                {
                    disposed = _disposed;
                    if (!disposed)
                    {
                        _connection = connection;
                    }
                }

                if (disposed)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw new ObjectDisposedException(nameof(RedisRealtimeKitDeliveryStore));
                }
            }
        }
        finally
        {
            _connectLock.Release();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return connection.GetDatabase();
    }

    /// <summary>The connection, null before the first use; throws once the store is disposed.</summary>
    private IConnectionMultiplexer? CurrentConnection()
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _connection;
        }
    }

    private RedisKey Key(string deliveryId) => _keyPrefix + deliveryId;

    private static string Milliseconds(TimeSpan duration) =>
        Math.Max(1L, (long)Math.Ceiling(duration.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    private static string OwnToken(RealtimeKitDeliveryClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Status != RealtimeKitDeliveryClaimStatus.Claimed || claim.Token is null)
        {
            throw new ArgumentException("Only a claim with the status Claimed can be completed or released.", nameof(claim));
        }

        return claim.Token;
    }
}
