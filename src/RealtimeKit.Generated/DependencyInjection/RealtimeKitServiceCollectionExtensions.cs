using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtimeKit.Generated;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the RealtimeKit clients with <see cref="IHttpClientFactory"/>, over one configured pipeline.</summary>
public static class RealtimeKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRealtimeKitClient"/> and every resource client (one per tag of the
    /// document: <see cref="IAppsClient"/>, <see cref="IMeetingsClient"/>, <see cref="IWebhooksClient"/>, …),
    /// all sending through one named HTTP client (<see cref="RealtimeKitClient.HttpClientName"/>)
    /// with the resilience pipeline, the shared rate budget (<see cref="RealtimeKitRateBudget"/>), the credential handler and a logging handler that never logs a credential; options are validated
    /// at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, at least <see cref="RealtimeKitClientOptions.ApiToken"/>.</param>
    /// <returns>The builder of that one HTTP client, to add handlers or replace the resilience pipeline (<c>RemoveAllResilienceHandlers()</c>) for every client at once.</returns>
    public static IHttpClientBuilder AddRealtimeKit(this IServiceCollection services, Action<RealtimeKitClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RealtimeKitClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Registers the clients with options bound from a configuration section (keys ApiToken, BaseAddress, Timeout, Retry:MaxRetries, RateLimit:PermitsPerWindow, RateLimit:Window, …).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind, e.g. <c>configuration.GetSection("RealtimeKit")</c>.</param>
    /// <returns>The builder of the one HTTP client every RealtimeKit client sends through.</returns>
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

        var builder = services.AddHttpClient(RealtimeKitClient.HttpClientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue;
            client.BaseAddress = options.NormalizedBaseAddress;

            // One total time per call: every attempt and delay (the retries run inside HttpClient's
            // handlers) and, in the transport, the reading of the body. The call context takes it
            // from here (after any ConfigureHttpClient of the caller's) and is its only keeper.
            client.Timeout = options.Timeout;
        });

        // One lean handler over a plain Polly pipeline: the same retries as AddResilienceHandler,
        // without its per-call enrichment; RemoveAllResilienceHandlers() removes it.
        builder.AddHttpMessageHandler(provider => new RealtimeKitRetryHandler(
            provider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue.Retry,
            TimeOf(provider)));

        // The rate budget: one for every client of this provider, a permit per attempt (inside
        // the retries, so they count). A Redis package replaces the registration to share it.
        services.TryAddSingleton<RealtimeKitRateBudget>(provider => new RealtimeKitLocalRateBudget(
            provider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue.RateLimit, TimeOf(provider)));
        builder.AddHttpMessageHandler(provider => new RealtimeKitRateLimitHandler(
            provider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue.RateLimit.Enabled ? provider.GetRequiredService<RealtimeKitRateBudget>() : null,
            TimeOf(provider)));

        builder.AddHttpMessageHandler(provider =>
            new RealtimeKitAuthenticationHandler(provider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue));

        // The factory's two logging handlers cost an allocation per call even with logging off;
        // one innermost handler logs each attempt (header values redacted but for an allow-list)
        // and costs nothing when Debug is off. AddDefaultLogger() brings the factory's back, with
        // the same allow-list.
        builder.RemoveAllLoggers();
        builder.AddHttpMessageHandler(provider => new RealtimeKitLoggingHandler(provider.GetRequiredService<ILogger<RealtimeKitLoggingHandler>>()));
        builder.RedactLoggedHeaders(RealtimeKitLoggedHeaders.ShouldRedact);

        // Every client takes its HttpClient from the factory by that one name, so the pipeline
        // above (and whatever the caller adds through the returned builder) serves all of them.
        // The list of clients is generated from the document's tags.
        RealtimeKitResources.Register(services, provider => RealtimeKitCallContext.TakeOver(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(RealtimeKitClient.HttpClientName), TimeOf(provider)));
        return builder;
    }

    /// <summary>The one clock of every call, retry wait and Retry-After date: the registered <see cref="TimeProvider"/>, else the system's.</summary>
    private static TimeProvider TimeOf(IServiceProvider provider) => provider.GetService<TimeProvider>() ?? TimeProvider.System;
}
