using System.Globalization;
using StackExchange.Redis;

namespace RealtimeKit.Generated.Redis;

/// <summary>
/// The permits this process took (in Redis, or from its local budget while Redis was away) whose
/// window has not passed: what it writes back into Redis's log when that log may be missing them
/// (Redis restarted without its data, or this process fell back), so that the permits keep
/// counting for every replica. Permits whose window has passed are dropped as new ones come, so
/// it holds at most a window's worth.
/// </summary>
internal sealed class RealtimeKitRedisOwnPermits(TimeProvider time, Func<TimeSpan> window)
{
    private readonly Lock _lock = new();

    // id → when its attempt ended (a timestamp of `time`), or null while it runs.
    private readonly Dictionary<string, long?> _permits = new(StringComparer.Ordinal);

    // The ended permits, in the order they ended: the oldest are dropped from the front.
    private readonly Queue<(string Id, long Ended)> _ended = new();

    public void Started(string id)
    {
        lock (_lock)
        {
            DropPassed(time.GetTimestamp());
            _permits[id] = null;
        }
    }

    public void Ended(string id)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (_permits.ContainsKey(id))
            {
                _permits[id] = now;
                _ended.Enqueue((id, now));
            }

            DropPassed(now);
        }
    }

    /// <summary>
    /// The arguments of <see cref="RealtimeKitRedisRateBudgetScripts.Replay"/>: each permit's id and
    /// its age in milliseconds (-1 while it runs).
    /// </summary>
    public List<RedisValue> ReplayArguments()
    {
        var values = new List<RedisValue>();
        lock (_lock)
        {
            var now = time.GetTimestamp();
            DropPassed(now);
            foreach (var (id, ended) in _permits)
            {
                values.Add(id);
                values.Add(ended is { } at ? ((long)time.GetElapsedTime(at, now).TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "-1");
            }
        }

        return values;
    }

    private void DropPassed(long now)
    {
        var longest = window();
        while (_ended.TryPeek(out var oldest) && time.GetElapsedTime(oldest.Ended, now) > longest)
        {
            _ended.Dequeue();
            _permits.Remove(oldest.Id);
        }
    }
}
