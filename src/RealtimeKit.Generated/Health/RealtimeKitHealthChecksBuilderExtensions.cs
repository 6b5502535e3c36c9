using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealtimeKit.Generated;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the RealtimeKit API's health check.</summary>
public static class RealtimeKitHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check: <c>realtimekit</c>.</summary>
    public const string DefaultName = "realtimekit";

    /// <summary>
    /// Adds a check that the API accepts the credential <c>AddRealtimeKit</c> registered: one
    /// <c>listApps</c> call with <c>per_page=1</c>, sent once (no retry), through the same rate
    /// budget as every other call. Unhealthy (<paramref name="failureStatus"/>) with the API's
    /// reason on 401/403; degraded on 429, 5xx, a timeout or no connection; healthy otherwise.
    /// Each run is a request: poll it no more often than the rate budget can spare.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="accountId">The Cloudflare account the credential belongs to.</param>
    /// <param name="name">The check's name; default <see cref="DefaultName"/>.</param>
    /// <param name="failureStatus">The status when the credential is refused; default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">The time the call may take; default 5 s.</param>
    public static IHealthChecksBuilder AddRealtimeKit(
        this IHealthChecksBuilder builder,
        string accountId,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var callTimeout = timeout ?? TimeSpan.FromSeconds(5);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new RealtimeKitHealthCheck(provider.GetRequiredService<IAppsClient>(), accountId, callTimeout),
            failureStatus,
            tags,
            callTimeout + TimeSpan.FromSeconds(1)));
    }
}
