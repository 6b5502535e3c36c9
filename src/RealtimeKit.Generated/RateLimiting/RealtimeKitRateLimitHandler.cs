using System.Net;

namespace RealtimeKit.Generated;

/// <summary>
/// Takes a permit of the <see cref="RealtimeKitRateBudget"/> before each attempt (it sits inside
/// the retry handler, so retries count), within the time the call has left, and tells the budget
/// what the answer says: a 429's <c>Retry-After</c> and a <c>Ratelimit</c> with nothing left
/// pause every caller; a smaller <c>Ratelimit-Policy</c> lowers the budget. With the budget
/// off (<see cref="RealtimeKitRateLimitOptions.Enabled"/> false) it only passes requests on.
/// </summary>
internal sealed class RealtimeKitRateLimitHandler(RealtimeKitRateBudget? budget, TimeProvider time) : DelegatingHandler
{
    /// <summary>The last <c>Ratelimit-Policy</c> passed to the budget: the same value is not passed again.</summary>
    private string? _policy;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return budget is null ? base.SendAsync(request, cancellationToken) : SendWithinBudgetAsync(budget, request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithinBudgetAsync(RealtimeKitRateBudget budget, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var message = request as RealtimeKitRequestMessage;
        var maxWait = message?.TimeLeft() ?? Timeout.InfiniteTimeSpan;
        if (message is not null)
        {
            message.AwaitingPermitOf = budget;
        }

        var observed = RealtimeKitTelemetry.BudgetWaitObserved;
        var waitStarted = observed ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        var permit = await budget.TryAcquireAsync(maxWait, cancellationToken).ConfigureAwait(false);
        if (observed)
        {
            RealtimeKitTelemetry.WaitedForPermit(message, System.Diagnostics.Stopwatch.GetElapsedTime(waitStarted), permit is not null);
        }

        if (message is not null)
        {
            message.AwaitingPermitOf = null;
        }

        if (permit is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw NoPermit(budget, message, request.Method, maxWait, null);
        }

        HttpResponseMessage response;
        using (permit)
        {
            // The permit's window starts when the attempt has ended: its answer's headers are here, or it failed.
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await ObserveAsync(budget, response).ConfigureAwait(false);
        return response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    /// <summary>The exception of a call the budget had no permit for in the <paramref name="maxWait"/> it had left.</summary>
    internal static RealtimeKitRateBudgetException NoPermit(RealtimeKitRateBudget budget, RealtimeKitRequestMessage? message, HttpMethod method, TimeSpan maxWait, Exception? innerException) =>
        new($"RealtimeKit API {message?.OperationId ?? $"{method} request"} was not sent: the rate budget had no permit within the {maxWait.TotalSeconds:0.###} s the call had left of its timeout ({budget}). Nothing reached the service; try again later, or send fewer calls.", innerException)
        {
            OperationId = message?.OperationId,
        };

    private async ValueTask ObserveAsync(RealtimeKitRateBudget budget, HttpResponseMessage response)
    {
        var pause = response.StatusCode == HttpStatusCode.TooManyRequests ? RealtimeKitRetryAfter.Read(response, time) : null;
        if (RealtimeKitRateLimitHeaders.ExhaustedFor(response.Headers) is { } exhausted && (pause is null || exhausted > pause))
        {
            pause = exhausted;
        }

        if (pause is { } wait)
        {
            await budget.PauseAsync(wait).ConfigureAwait(false);
        }

        if (RealtimeKitRateLimitHeaders.Policy(response.Headers) is { } policy && !string.Equals(policy, Volatile.Read(ref _policy), StringComparison.Ordinal))
        {
            Volatile.Write(ref _policy, policy);
            foreach (var (permits, window) in RealtimeKitRateLimitHeaders.Policies(policy))
            {
                await budget.LowerAsync(permits, window).ConfigureAwait(false);
            }
        }
    }
}
