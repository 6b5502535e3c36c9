using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealtimeKit.Generated;
using RealtimeKit.Generated.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the health check of the Redis rate budget.</summary>
public static class RealtimeKitRedisRateBudgetHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that the registered <see cref="RealtimeKitRedisRateBudget"/> reaches Redis (a
    /// PING): healthy with the round trip; degraded (<paramref name="failureStatus"/>) when it
    /// cannot, as calls then go on under this process's own budget rather than the shared one.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status when Redis cannot be reached; default <see cref="HealthStatus.Degraded"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    public static IHealthChecksBuilder AddRealtimeKitRedisRateBudget(
        this IHealthChecksBuilder builder,
        string name = "realtimekit-rate-budget",
        HealthStatus? failureStatus = HealthStatus.Degraded,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new RedisRateBudgetHealthCheck(provider.GetRequiredService<RealtimeKitRateBudget>()),
            failureStatus,
            tags));
    }

    private sealed class RedisRateBudgetHealthCheck(RealtimeKitRateBudget budget) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (budget is not RealtimeKitRedisRateBudget redis)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"The rate budget is a {budget.GetType().Name}, not the Redis one: register it with AddRealtimeKitRedisRateBudget.");
            }

            try
            {
                var roundTrip = await redis.PingAsync(cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy($"Redis answered in {roundTrip.TotalMilliseconds:0.#} ms.");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"The rate budget cannot reach Redis ({ex.GetType().Name}); calls are paced by this process's own budget meanwhile.");
            }
        }
    }
}
