using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using RealtimeKit.Generated;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the RealtimeKit webhooks client with <see cref="IHttpClientFactory"/>.</summary>
public static class RealtimeKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IWebhooksClient"/> as a typed HTTP client with the credential handler,
    /// error mapping and resilience pipeline; options are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, at least <see cref="RealtimeKitClientOptions.ApiToken"/>.</param>
    /// <returns>The HTTP client builder, to add handlers or replace the resilience pipeline (<c>RemoveAllResilienceHandlers()</c>).</returns>
    public static IHttpClientBuilder AddRealtimeKit(this IServiceCollection services, Action<RealtimeKitClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RealtimeKitClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Registers the client with options bound from a configuration section (keys ApiToken, BaseAddress, Timeout, Retry:MaxRetries, …).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind, e.g. <c>configuration.GetSection("RealtimeKit")</c>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddRealtimeKit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RealtimeKitClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<RealtimeKitClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RealtimeKitClientOptions>, RealtimeKitClientOptionsValidator>());

        var builder = services.AddHttpClient<IWebhooksClient, WebhooksClient>((provider, client) =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue;
            client.BaseAddress = options.NormalizedBaseAddress;

            // One total time per call: every attempt and delay (the retries run inside HttpClient's
            // handlers) and, in the transport, the reading of the body.
            client.Timeout = options.Timeout;
        });

        builder.AddResilienceHandler(RealtimeKitResilience.PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue;
            RealtimeKitResilience.Configure(pipeline, options, context.ServiceProvider.GetService<TimeProvider>());
        });

        builder.AddHttpMessageHandler(provider =>
            new RealtimeKitAuthenticationHandler(provider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue));

        builder.RedactLoggedHeaders(["Authorization", "X-Auth-Key", "X-Auth-Email"]);
        return builder;
    }
}
