using StackExchange.Redis;

namespace RealtimeKit.Generated.AspNetCore.Redis;

/// <summary>Where <see cref="RedisRealtimeKitDeliveryStore"/> keeps its records: which Redis, under which keys.</summary>
public sealed class RealtimeKitRedisDeliveryStoreOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "realtimekit:delivery:";

    /// <summary>
    /// A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c> or
    /// <c>redis:6380,password=…,ssl=true,defaultDatabase=2</c>. It may hold a password: keep it in
    /// your secrets, not in source. Used when <see cref="ConnectionMultiplexerFactory"/> is not set.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Creates the connection instead of <see cref="Configuration"/>, e.g. to set
    /// <see cref="ConfigurationOptions"/> in code. Called once, on the store's first use (again
    /// only if it threw); the store owns the connection it returns and disposes it with itself.
    /// </summary>
    public Func<Task<IConnectionMultiplexer>>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>
    /// Put before each delivery id to make its key; default <see cref="DefaultKeyPrefix"/>. Every
    /// instance that receives the same webhook must use the same prefix; receivers of different
    /// webhooks (or tests) sharing one Redis can keep apart with different ones.
    /// </summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;
}
