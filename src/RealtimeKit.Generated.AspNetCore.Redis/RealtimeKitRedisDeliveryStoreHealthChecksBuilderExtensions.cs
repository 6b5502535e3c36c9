using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealtimeKit.Generated.AspNetCore;
using RealtimeKit.Generated.AspNetCore.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the health check of the Redis delivery store.</summary>
public static class RealtimeKitRedisDeliveryStoreHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that the registered <see cref="RedisRealtimeKitDeliveryStore"/> reaches Redis
    /// (a PING): healthy with the round trip, else <paramref name="failureStatus"/> — while it
    /// fails, deliveries are answered 503 so that RealtimeKit retries them.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status when Redis cannot be reached; default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">The time the PING may take; default 5 s.</param>
    public static IHealthChecksBuilder AddRealtimeKitRedisDeliveryStore(
        this IHealthChecksBuilder builder,
        string name = "realtimekit-delivery-store",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new RedisDeliveryStoreHealthCheck(provider.GetRequiredService<IRealtimeKitDeliveryStore>()),
            failureStatus,
            tags,
            timeout ?? TimeSpan.FromSeconds(5)));
    }

    private sealed class RedisDeliveryStoreHealthCheck(IRealtimeKitDeliveryStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (store is not RedisRealtimeKitDeliveryStore redis)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"The delivery store is a {store.GetType().Name}, not the Redis one: register it with AddRealtimeKitWebhookRedisDeduplication.");
            }

            try
            {
                var roundTrip = await redis.PingAsync(cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy($"Redis answered in {roundTrip.TotalMilliseconds:0.#} ms.");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"The delivery store cannot reach Redis ({ex.GetType().Name}); deliveries are answered 503 until it can.");
            }
        }
    }
}
