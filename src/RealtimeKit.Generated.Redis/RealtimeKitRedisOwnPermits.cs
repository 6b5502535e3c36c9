using System.Globalization;
using StackExchange.Redis;

namespace RealtimeKit.Generated.Redis;

/// <summary>
/// The permits this process took (in Redis, or from its local budget while Redis was away) whose
/// window has not passed: what it writes back into Redis's log when that log may be missing them
/// (Redis restarted without its data, or this process fell back), so that the permits keep
/// counting for every replica.
/// </summary>
internal sealed class RealtimeKitRedisOwnPermits(TimeProvider time)
{
    private readonly Lock _lock = new();

    // id → when its attempt ended (a timestamp of `time`), or null while it runs.
    private readonly Dictionary<string, long?> _permits = new(StringComparer.Ordinal);

    public void Started(string id)
    {
        lock (_lock)
        {
            _permits[id] = null;
        }
    }

    public void Ended(string id)
    {
        lock (_lock)
        {
            if (_permits.ContainsKey(id))
            {
                _permits[id] = time.GetTimestamp();
            }
        }
    }

    /// <summary>
    /// The arguments of <see cref="RealtimeKitRedisRateBudgetScripts.Replay"/>: each permit's id and
    /// its age in milliseconds (-1 while it runs); permits that ended more than
    /// <paramref name="window"/> ago are dropped first.
    /// </summary>
    public List<RedisValue> ReplayArguments(TimeSpan window)
    {
        var now = time.GetTimestamp();
        var values = new List<RedisValue>();
        lock (_lock)
        {
            foreach (var (id, ended) in _permits.ToList())
            {
                var age = ended is { } at ? time.GetElapsedTime(at, now) : (TimeSpan?)null;
                if (age > window)
                {
                    _permits.Remove(id);
                    continue;
                }

                values.Add(id);
                values.Add(age is { } value ? ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "-1");
            }
        }

        return values;
    }
}
