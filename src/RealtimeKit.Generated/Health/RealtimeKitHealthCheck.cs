using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RealtimeKit.Generated;

/// <summary>
/// Whether the API answers this service's credential: one cheap authenticated call (the first app
/// of the account, <c>listApps</c> with <c>per_page=1</c>), sent once with no retry. Unhealthy
/// (the registration's failure status) with the API's reason on 401 or 403; degraded on 429, a
/// 5xx, a timeout, a connection failure or an exhausted rate budget; healthy otherwise. The
/// description never holds the credential: it is built from the status and the API's message.
/// </summary>
internal sealed class RealtimeKitHealthCheck(IAppsClient apps, string accountId, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await apps.WithRequestOptions(new RealtimeKitRequestOptions { DisableRetries = true, Timeout = timeout })
                .ListAppsAsync(accountId, perPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The RealtimeKit API accepted the credential.");
        }
        catch (Exception ex) when (ex is TimeoutException or RealtimeKitConnectionException && !cancellationToken.IsCancellationRequested)
        {
            // Before the answers below: a connection failure is an API exception with no status,
            // and a rate budget without a permit is a timeout.
            return HealthCheckResult.Degraded($"The RealtimeKit API did not answer: {ex.GetType().Name}.");
        }
        catch (RealtimeKitApiException ex) when (ex.StatusCode is 401 or 403)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The RealtimeKit API refused the credential ({ex.StatusCode}): {Reason(ex)}");
        }
        catch (RealtimeKitApiException ex) when (ex.StatusCode == 429 || ex.StatusCode >= 500)
        {
            return HealthCheckResult.Degraded($"The RealtimeKit API answered {ex.StatusCode}: {Reason(ex)}");
        }
        catch (RealtimeKitApiException ex)
        {
            // Any other answer (a 404 for an account id the token does not reach, …) came from a
            // service that authenticated the request: it is up; the reason is kept.
            return HealthCheckResult.Healthy($"The RealtimeKit API answered {ex.StatusCode}: {Reason(ex)}");
        }
    }

    /// <summary>The API's own message, else that it gave none.</summary>
    private static string Reason(RealtimeKitApiException ex) =>
        string.IsNullOrWhiteSpace(ex.ApiMessage) ? "no message given" : ex.ApiMessage;
}
