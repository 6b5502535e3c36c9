using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace RealtimeKit.Generated;

/// <summary>
/// The resilience pipeline <c>AddRealtimeKit</c> puts in front of the API (Microsoft.Extensions.Http.Resilience):
/// retries that follow <see cref="RealtimeKitRetryOptions"/>. The total timeout is not part of it:
/// it is the call context's (<see cref="RealtimeKitCallContext.Timeout"/>), which the transport applies over sending and reading the body.
/// </summary>
internal static class RealtimeKitResilience
{
    /// <summary>The request a pipeline run sends, set by <see cref="RealtimeKitRetryHandler"/> on its context (<see cref="RequestOf"/>).</summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("RealtimeKit.Request");

    /// <summary>The pipeline for <paramref name="retry"/> on <paramref name="timeProvider"/>: retries only, counted by <see cref="RealtimeKitTelemetry"/> rather than Polly's own telemetry.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(RealtimeKitRetryOptions retry, TimeProvider timeProvider)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (retry.MaxRetries > 0)
        {
            var shouldRetry = RetryDecision(retry, timeProvider);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = retry.MaxRetries,
                Delay = retry.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,

                // Retry-After is read here: this generator replaces the one ShouldRetryAfterHeader
                // (true by default) sets, which measures a date against the wall clock, so the
                // decision below and the delay use one clock.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } answer ? RealtimeKitRetryAfter.Read(answer, timeProvider) : null),
                ShouldHandle = args => ValueTask.FromResult(shouldRetry(RequestOf(args.Context), args.Outcome)),
                OnRetry = args =>
                {
                    RealtimeKitTelemetry.Retried(RequestOf(args.Context), args.Outcome, args.AttemptNumber);
                    return default;
                },
            });
        }

        return pipeline.Build();
    }

    /// <summary>
    /// Whether an outcome is retried under <paramref name="retry"/> (<see cref="ShouldRetry"/>):
    /// the pipeline's ShouldHandle, and <see cref="RealtimeKitRetryHandler"/>'s test of a first
    /// attempt before it enters the pipeline at all. A <c>Retry-After</c> is capped by the
    /// request's own call deadline (<see cref="RealtimeKitRequestMessage.RetryAfterCap"/>), the one
    /// the transport applies.
    /// </summary>
    public static Func<HttpRequestMessage?, Outcome<HttpResponseMessage>, bool> RetryDecision(RealtimeKitRetryOptions retry, TimeProvider timeProvider)
    {
        var maxRetryAfter = retry.MaxRetryAfter;
        return (request, outcome) => ShouldRetry(
            request?.Method,
            outcome,
            request is RealtimeKitRequestMessage message ? message.RetryAfterCap(maxRetryAfter) : maxRetryAfter,
            timeProvider);
    }

    /// <summary>The request a pipeline run sends: set by <see cref="RealtimeKitRetryHandler"/>, or by Microsoft's <see cref="ResilienceHandler"/> where a caller runs this pipeline in one.</summary>
    internal static HttpRequestMessage? RequestOf(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestKey, out var request) ? request : context.GetRequestMessage();
    /// <summary>
    /// GET, PUT and DELETE are safe to repeat: retried on 408, 429, 5xx and any transport failure.
    /// POST and PATCH are retried only when the server certainly did nothing: a 429, or a
    /// connection that was never established.
    /// </summary>
    internal static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        var idempotent = method is not null && (method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options);

        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (status == 429)
            {
                return RealtimeKitRetryAfter.Read(response, time) is not { } wait || wait <= maxRetryAfter;
            }

            return idempotent && (status == (int)HttpStatusCode.RequestTimeout || (status >= 500 && status != 501 && status != 505));
        }

        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException => idempotent,
            TimeoutRejectedException => idempotent,
            _ => false,
        };
    }
}
