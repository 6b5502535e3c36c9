using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtimeKit.Generated;
using RealtimeKit.Generated.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares the RealtimeKit clients' rate budget across processes, in Redis.</summary>
public static class RealtimeKitRedisRateBudgetBuilderExtensions
{
    /// <summary>
    /// Keeps the rate budget of every client <c>AddRealtimeKit</c> registered in the Redis at
    /// <paramref name="configuration"/> (a <see cref="RealtimeKitRedisRateBudget"/> replaces the
    /// process's own budget): every replica on the same API token shares one budget, and a pause or
    /// quota one of them meets holds them all. The limit stays <see cref="RealtimeKitClientOptions.RateLimit"/>.
    /// </summary>
    /// <param name="builder">The builder <c>AddRealtimeKit</c> returned.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddRealtimeKitRedisRateBudget(this IHttpClientBuilder builder, string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return builder.AddRealtimeKitRedisRateBudget(options => options.Configuration = configuration);
    }

    /// <summary>
    /// As <see cref="AddRealtimeKitRedisRateBudget(IHttpClientBuilder, string)"/>, with the
    /// connection, keys, budget name and fallback set by <paramref name="configure"/>; the options
    /// are validated when the application starts.
    /// </summary>
    /// <param name="builder">The builder <c>AddRealtimeKit</c> returned.</param>
    /// <param name="configure">Sets <see cref="RealtimeKitRedisRateBudgetOptions"/>.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddRealtimeKitRedisRateBudget(this IHttpClientBuilder builder, Action<RealtimeKitRedisRateBudgetOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<RealtimeKitRedisRateBudgetOptions>()
            .Configure(configure)
            .Validate(options => RealtimeKitRedisRateBudget.Check(options).Count == 0, "RealtimeKitRedisRateBudgetOptions are not valid: set Configuration or ConnectionMultiplexerFactory, and positive PermitLease, OperationTimeout and UnavailableRetryInterval.")
            .ValidateOnStart();
        builder.Services.RemoveAll<RealtimeKitRateBudget>();
        builder.Services.AddSingleton<RealtimeKitRateBudget>(provider =>
        {
            var client = provider.GetRequiredService<IOptionsMonitor<RealtimeKitClientOptions>>().CurrentValue;
            return new RealtimeKitRedisRateBudget(
                client.RateLimit,
                provider.GetRequiredService<IOptions<RealtimeKitRedisRateBudgetOptions>>().Value,
                client.ApiToken ?? client.ApiKey,
                provider.GetService<ILogger<RealtimeKitRedisRateBudget>>(),
                provider.GetService<TimeProvider>());
        });
        return builder;
    }
}
