namespace RealtimeKit.Generated.Redis;

/// <summary>
/// The Lua scripts of <see cref="RealtimeKitRedisRateBudget"/>; each runs atomically in Redis, on
/// Redis's clock (<c>TIME</c>), so every replica measures windows on one clock.
/// </summary>
/// <remarks>
/// Keys (one hash tag, so a cluster keeps them on one node): a sorted set <c>log</c> of the permits
/// whose window has not passed, each scored with the time (ms) its attempt ended, or, while the
/// attempt runs, the time its lease ends (later than now, so it counts in every window); a string
/// <c>pause</c> that lives as long as the pause the service asked for; a string <c>policy</c>,
/// <c>"permits window_ms"</c>, the smaller quota the service announced; a string <c>epoch</c>, with
/// no expiry, that names this Redis's copy of the log: when Redis loses its data (a restart
/// without persistence) the epoch goes with it, and a process that knew the old one knows that
/// the log is missing permits that still count.
/// </remarks>
internal static class RealtimeKitRedisRateBudgetScripts
{
    /// <summary>Granted: the permit is in the log.</summary>
    public const int Granted = 1;

    /// <summary>Full: the second value is the milliseconds until the permit that blocks leaves its window.</summary>
    public const int Full = 0;

    /// <summary>Paused: the second value is the milliseconds the pause has left.</summary>
    public const int Paused = 2;

    /// <summary>Full, and the permit that blocks is still in flight: when it ends is not known; ask again soon.</summary>
    public const int FullInFlight = 3;

    /// <summary>
    /// Redis lost the log (the epoch this process knew is gone): a new epoch is set and every grant
    /// is paused for the second value's milliseconds, the recovery grace, while each replica writes
    /// its own permits back (<see cref="Replay"/>).
    /// </summary>
    public const int Lost = 4;

    /// <summary>The epoch is not the one this process knew: another process found the log lost. Write this process's permits back, then ask again.</summary>
    public const int ReplayNeeded = 5;

    // KEYS[1] log, KEYS[2] pause, KEYS[3] policy, KEYS[4] epoch; ARGV[1] the permit's id, ARGV[2] permits,
    // ARGV[3] window (ms), ARGV[4] lease (ms), ARGV[5] the epoch the caller knows ('' for none),
    // ARGV[6] the recovery grace (ms), ARGV[7] a new epoch, should there be none.
    // Returns { status, milliseconds, epoch }.
    public const string Acquire = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local epoch = redis.call('GET', KEYS[4])
        if not epoch then
          epoch = ARGV[7]
          redis.call('SET', KEYS[4], epoch)
          if ARGV[5] ~= '' then
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[6])
            return { 4, tonumber(ARGV[6]), epoch }
          end
        elseif ARGV[5] ~= '' and epoch ~= ARGV[5] then
          return { 5, 0, epoch }
        end
        local paused = redis.call('PTTL', KEYS[2])
        if paused > 0 then
          return { 2, paused, epoch }
        end
        local limits = { { tonumber(ARGV[2]), tonumber(ARGV[3]) } }
        local policy = redis.call('GET', KEYS[3])
        if policy then
          local q, w = string.match(policy, '^(%d+) (%d+)$')
          if q then
            limits[2] = { tonumber(q), tonumber(w) }
          end
        end
        local longest = 0
        for _, limit in ipairs(limits) do
          if limit[2] > longest then longest = limit[2] end
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
        local status, wait = 1, 0
        for _, limit in ipairs(limits) do
          local since = '(' .. (now - limit[2])
          local count = redis.call('ZCOUNT', KEYS[1], since, '+inf')
          if count >= limit[1] then
            local blocker = redis.call('ZRANGEBYSCORE', KEYS[1], since, '+inf', 'WITHSCORES', 'LIMIT', count - limit[1], 1)
            local ended = tonumber(blocker[2])
            if ended > now then
              if status == 1 then status = 3 end
            else
              status = 0
              local left = ended + limit[2] - now + 1
              if left > wait then wait = left end
            end
          end
        end
        if status ~= 1 then
          return { status, wait, epoch }
        end
        local lease = tonumber(ARGV[4])
        redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
        redis.call('PEXPIRE', KEYS[1], longest + lease)
        return { 1, 0, epoch }
        """;

    // KEYS[1] log; ARGV[1] lease (ms), ARGV[2] the longest window (ms), then pairs: a permit's id
    // and its age (ms since its attempt ended; -1 while it runs). Each permit the log lacks is
    // added as of when it ended (NX: one the log has keeps its own score).
    public const string Replay = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local lease = tonumber(ARGV[1])
        for i = 3, #ARGV, 2 do
          local age = tonumber(ARGV[i + 1])
          local score = now - age
          if age < 0 then score = now + lease end
          redis.call('ZADD', KEYS[1], 'NX', score, ARGV[i])
        end
        if #ARGV > 2 and redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) + lease then
          redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + lease)
        end
        return 1
        """;

    // KEYS[1] log; ARGV[1] the permit's id, ARGV[2] the longest window (ms). The attempt ended now:
    // its window starts. Added again when the lease had run out and the log dropped it.
    public const string Release = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 1
        """;

    // KEYS[1] pause; ARGV[1] the pause (ms). A pause shorter than the one running changes nothing.
    public const string Pause = """
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
        end
        return 1
        """;
}
