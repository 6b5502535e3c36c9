using StackExchange.Redis;

namespace RealtimeKit.Generated.Redis;

/// <summary>Which Redis keeps the shared rate budget of <see cref="RealtimeKitRedisRateBudget"/>, under which keys, and what happens while it cannot be reached.</summary>
public sealed class RealtimeKitRedisRateBudgetOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "realtimekit:budget:";

    /// <summary>
    /// A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c> or
    /// <c>redis:6380,password=…,ssl=true</c>. It may hold a password: keep it in your secrets. The
    /// budget connects with <c>abortConnect=false</c>, so a Redis that is down at start-up does not
    /// stop the application (the budget falls back, see <see cref="UnavailableRetryInterval"/>).
    /// Used when <see cref="ConnectionMultiplexerFactory"/> is not set.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Creates the connection instead of <see cref="Configuration"/> (e.g. to share one the
    /// application has). Called on the budget's first use, and again after it threw; the budget
    /// disposes the connection it returns with itself.
    /// </summary>
    public Func<Task<IConnectionMultiplexer>>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>Put before the budget's keys; default <see cref="DefaultKeyPrefix"/>.</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// The budget's name in Redis: every process that uses the same name (and Redis, and prefix)
    /// shares one budget. Default (null): a fingerprint of the API token (the first 16 hex digits
    /// of its SHA-256, never the token), so replicas on one token share a budget without being
    /// told, and two tokens keep two.
    /// </summary>
    public string? BudgetName { get; set; }

    /// <summary>
    /// How long a permit counts in Redis when the process that took it never says its attempt has
    /// ended (it was killed mid-call): that long, and one window more. Default 5 minutes; at least
    /// the client's <see cref="RealtimeKitClientOptions.Timeout"/>, or a long call's permit expires
    /// early.
    /// </summary>
    public TimeSpan PermitLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long one Redis round trip may take before Redis counts as unreachable; default 1 second.
    /// A call with less time left than that waits only what it has left.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// While Redis cannot be reached, each process keeps to a budget of its own (the configured
    /// <see cref="RealtimeKitRateLimitOptions"/>, with every pause and quota it has seen, and every
    /// permit it took), logs a warning once, and asks Redis again after this interval; default 5
    /// seconds. Calls never fail because Redis is away, but several replicas may then send up to
    /// their number times the budget; see <see cref="FallbackAfter"/> for the short outages.
    /// </summary>
    public TimeSpan UnavailableRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an outage is ridden through before the local budget takes over: meanwhile no
    /// permit is granted (calls wait, within their own time, and Redis is asked again every 200 ms),
    /// so a Redis restart or failover never lets the replicas' local budgets add up past the
    /// limit. Default 10 seconds; <see cref="TimeSpan.Zero"/> falls back at once. A process that
    /// has never reached Redis falls back at once.
    /// </summary>
    public TimeSpan FallbackAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When Redis comes back without the budget's log (restarted without persistence), how long
    /// every replica waits before the next grant while each writes back the permits it took in the
    /// window (a replica does so as soon as its connection is restored). Default 5 seconds.
    /// </summary>
    public TimeSpan RecoveryGrace { get; set; } = TimeSpan.FromSeconds(5);
}
