using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace RealtimeKit.Generated;

/// <summary>
/// The resilience pipeline <c>AddRealtimeKit</c> puts in front of the API (Microsoft.Extensions.Http.Resilience):
/// retries that follow <see cref="RealtimeKitRetryOptions"/>. The total timeout is not part of it:
/// it is the client's <see cref="HttpClient.Timeout"/>, which the transport also applies to reading the body.
/// </summary>
internal static class RealtimeKitResilience
{
    /// <summary>The pipeline for <paramref name="options"/>: retries only, no telemetry.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(RealtimeKitClientOptions options, TimeProvider? timeProvider)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(pipeline, options, timeProvider);
        return pipeline.Build();
    }

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, RealtimeKitClientOptions options, TimeProvider? timeProvider = null)
    {
        if (timeProvider is not null)
        {
            pipeline.TimeProvider = timeProvider;
        }

        var retry = options.Retry;
        if (retry.MaxRetries > 0)
        {
            var time = timeProvider ?? TimeProvider.System;
            var shouldRetry = RetryDecision(options, timeProvider);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = retry.MaxRetries,
                Delay = retry.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,

                // Retry-After is read here rather than by ShouldRetryAfterHeader, which measures a
                // date against the wall clock: the decision below and the delay use one clock.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } answer ? RealtimeKitRetryAfter.Read(answer, time) : null),
                ShouldHandle = args => ValueTask.FromResult(shouldRetry(RequestOf(args.Context)?.Method, args.Outcome)),
            });
        }
    }

    /// <summary>
    /// Whether an outcome is retried under <paramref name="options"/> (<see cref="ShouldRetry"/>):
    /// the pipeline's ShouldHandle, and <see cref="RealtimeKitRetryHandler"/>'s test of a first
    /// attempt before it enters the pipeline at all.
    /// </summary>
    public static Func<HttpMethod?, Outcome<HttpResponseMessage>, bool> RetryDecision(RealtimeKitClientOptions options, TimeProvider? timeProvider)
    {
        var time = timeProvider ?? TimeProvider.System;
        var retry = options.Retry;

        // A wait longer than the whole call may take cannot end in success: such a 429 ends the
        // call at once, with its Retry-After on the exception, rather than in a timeout.
        var maxRetryAfter = options.Timeout != Timeout.InfiniteTimeSpan && options.Timeout < retry.MaxRetryAfter ? options.Timeout : retry.MaxRetryAfter;
        return (method, outcome) => ShouldRetry(method, outcome, maxRetryAfter, time);
    }

    /// <summary>The request a pipeline run sends: set by <see cref="RealtimeKitRetryHandler"/>, or by Microsoft's <see cref="ResilienceHandler"/> where a caller runs this pipeline in one.</summary>
    internal static HttpRequestMessage? RequestOf(ResilienceContext context) =>
        context.Properties.TryGetValue(RealtimeKitRetryHandler.RequestKey, out var request) ? request : context.GetRequestMessage();

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
