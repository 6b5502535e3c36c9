using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeKit.Generated;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the webhook delivery verifier.</summary>
public static class RealtimeKitWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RealtimeKitWebhookVerifier"/> as a singleton, with a named HTTP client
    /// (<see cref="RealtimeKitWebhookVerifier.KeyHttpClientName"/>) for fetching the public key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Pins the key or points at the key endpoint; optional.</param>
    /// <returns>The HTTP client builder of the key client.</returns>
    public static IHttpClientBuilder AddRealtimeKitWebhooks(this IServiceCollection services, Action<RealtimeKitWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RealtimeKitWebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxBodyBytes > 0 && o.KeyRefreshInterval >= TimeSpan.Zero && o.PublicKeyUrl is { IsAbsoluteUri: true },
            "RealtimeKitWebhookOptions: MaxBodyBytes must be positive, KeyRefreshInterval not negative, and PublicKeyUrl absolute.").ValidateOnStart();
        services.TryAddSingleton<RealtimeKitWebhookVerifier>(provider => new RealtimeKitWebhookVerifier(
            provider.GetRequiredService<Options.IOptions<RealtimeKitWebhookOptions>>(),
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetService<TimeProvider>()));
        return services.AddHttpClient(RealtimeKitWebhookVerifier.KeyHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
    }
}
