using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RealtimeKit.Generated.AspNetCore;
using RealtimeKit.Generated.AspNetCore.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers deduplication of webhook deliveries in Redis, for receivers with several instances.</summary>
public static class RealtimeKitWebhookRedisServiceCollectionExtensions
{
    /// <summary>
    /// As <c>AddRealtimeKitWebhookDeduplication</c>, with a <see cref="RedisRealtimeKitDeliveryStore"/>
    /// (replacing any <see cref="IRealtimeKitDeliveryStore"/> registered before) that connects to
    /// <paramref name="configuration"/> on first use and is disposed with the container. Set the
    /// lease and the retention with <c>AddRealtimeKitWebhookDeduplication(o => …)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>; see <see cref="RealtimeKitRedisDeliveryStoreOptions.Configuration"/>.</param>
    public static IServiceCollection AddRealtimeKitWebhookRedisDeduplication(this IServiceCollection services, string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return services.AddRealtimeKitWebhookRedisDeduplication(options => options.Configuration = configuration);
    }

    /// <summary>
    /// As <see cref="AddRealtimeKitWebhookRedisDeduplication(IServiceCollection, string)"/>, with
    /// the connection (a configuration string or a factory) and the key prefix set by
    /// <paramref name="configure"/>; the options are validated when the application starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="RealtimeKitRedisDeliveryStoreOptions"/>.</param>
    public static IServiceCollection AddRealtimeKitWebhookRedisDeduplication(this IServiceCollection services, Action<RealtimeKitRedisDeliveryStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RealtimeKitRedisDeliveryStoreOptions>()
            .Configure(configure)
            .Validate(
                o => (o.ConnectionMultiplexerFactory is not null || !string.IsNullOrWhiteSpace(o.Configuration)) && o.KeyPrefix is not null,
                "RealtimeKitRedisDeliveryStoreOptions: set Configuration or ConnectionMultiplexerFactory; KeyPrefix must not be null.")
            .ValidateOnStart();
        services.RemoveAll<IRealtimeKitDeliveryStore>();
        services.AddSingleton<IRealtimeKitDeliveryStore>(provider =>
            new RedisRealtimeKitDeliveryStore(provider.GetRequiredService<IOptions<RealtimeKitRedisDeliveryStoreOptions>>().Value));
        return services.AddRealtimeKitWebhookDeduplication();
    }
}
