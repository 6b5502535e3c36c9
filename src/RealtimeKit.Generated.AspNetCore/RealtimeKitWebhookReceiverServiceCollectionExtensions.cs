using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeKit.Generated.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers deduplication of webhook deliveries for <c>MapRealtimeKitWebhooks</c>.</summary>
public static class RealtimeKitWebhookReceiverServiceCollectionExtensions
{
    /// <summary>
    /// Handles each delivery once, by <c>rtk-uuid</c>: a copy of a delivery whose handler returned
    /// is answered <c>200 duplicate</c>, a copy arriving while its handler runs is answered
    /// <c>503</c> with <c>Retry-After</c>, and a delivery whose handler threw or whose request was
    /// aborted is handled again when it is retried. Uses <see cref="InMemoryRealtimeKitDeliveryStore"/>
    /// unless an <see cref="IRealtimeKitDeliveryStore"/> is registered (before or after this call).
    /// </summary>
    /// <param name="services">The service collection.</param>
    public static IServiceCollection AddRealtimeKitWebhookDeduplication(this IServiceCollection services) =>
        services.AddRealtimeKitWebhookDeduplication(configure: null);

    /// <summary>As <see cref="AddRealtimeKitWebhookDeduplication(IServiceCollection)"/>, with the claim lease, the retention and the <c>Retry-After</c> set.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="RealtimeKitWebhookDeduplicationOptions"/>; null keeps the defaults.</param>
    public static IServiceCollection AddRealtimeKitWebhookDeduplication(this IServiceCollection services, Action<RealtimeKitWebhookDeduplicationOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RealtimeKitWebhookDeduplicationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.ClaimLease > TimeSpan.Zero && o.Retention > TimeSpan.Zero && o.RetryAfter >= TimeSpan.Zero,
            "RealtimeKitWebhookDeduplicationOptions: ClaimLease and Retention must be positive, RetryAfter not negative.").ValidateOnStart();
        services.TryAddSingleton<IRealtimeKitDeliveryStore>(provider => new InMemoryRealtimeKitDeliveryStore(provider.GetService<TimeProvider>()));
        return services;
    }
}
