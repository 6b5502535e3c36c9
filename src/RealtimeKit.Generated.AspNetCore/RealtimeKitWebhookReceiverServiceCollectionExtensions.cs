using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeKit.Generated.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers deduplication of webhook deliveries for <c>MapRealtimeKitWebhooks</c>.</summary>
public static class RealtimeKitWebhookReceiverServiceCollectionExtensions
{
    /// <summary>Drops deliveries already handled, by <c>rtk-uuid</c>, with <see cref="InMemoryRealtimeKitDeliveryStore"/> unless an <see cref="IRealtimeKitDeliveryStore"/> is registered already.</summary>
    /// <param name="services">The service collection.</param>
    public static IServiceCollection AddRealtimeKitWebhookDeduplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IRealtimeKitDeliveryStore>(provider => new InMemoryRealtimeKitDeliveryStore(provider.GetService<TimeProvider>()));
        return services;
    }
}
