using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtimeKit.Generated;
using RealtimeKit.Generated.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint RealtimeKit delivers webhook events to.</summary>
public static class RealtimeKitWebhookEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c>: reads the raw body (at most
    /// <see cref="RealtimeKitWebhookOptions.MaxBodyBytes"/>, else 413), verifies
    /// <c>rtk-signature</c> (401 when it fails, 503 when the key cannot be had), reads the event
    /// (400 when the verified body is unreadable), calls <paramref name="handler"/> and answers
    /// 200 once it returns, or 500 when it throws, so that RealtimeKit retries. With an
    /// <see cref="IRealtimeKitDeliveryStore"/> registered (<c>AddRealtimeKitWebhookDeduplication</c>)
    /// the delivery is claimed first: a delivery handled already is answered <c>200 duplicate</c>,
    /// one being handled by another attempt <c>503</c> with <c>Retry-After</c> (as is a store
    /// failure); the claim is completed when the handler returned and released otherwise.
    /// Needs <c>services.AddRealtimeKitWebhooks(…)</c>.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/realtimekit/webhooks</c>.</param>
    /// <param name="handler">Handles a verified delivery; the <see cref="HttpContext"/> gives its services and <see cref="HttpContext.RequestAborted"/>.</param>
    public static IEndpointConventionBuilder MapRealtimeKitWebhooks(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<RealtimeKitWebhookDelivery, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapPost(pattern, (HttpContext context) => ReceiveAsync(context, handler)).DisableAntiforgery();
    }

    /// <summary>
    /// As <see cref="MapRealtimeKitWebhooks(IEndpointRouteBuilder, string, Func{RealtimeKitWebhookDelivery, HttpContext, Task})"/>,
    /// with the handler resolved from the request's services (register <typeparamref name="THandler"/> yourself).
    /// </summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/realtimekit/webhooks</c>.</param>
    public static IEndpointConventionBuilder MapRealtimeKitWebhooks<THandler>(this IEndpointRouteBuilder endpoints, string pattern)
        where THandler : class, IRealtimeKitWebhookHandler =>
        endpoints.MapRealtimeKitWebhooks(pattern, (delivery, context) =>
            context.RequestServices.GetRequiredService<THandler>().HandleAsync(delivery, context.RequestAborted));

    private static async Task ReceiveAsync(HttpContext context, Func<RealtimeKitWebhookDelivery, HttpContext, Task> handler)
    {
        var services = context.RequestServices;
        var verifier = services.GetService<RealtimeKitWebhookVerifier>()
            ?? throw new InvalidOperationException("MapRealtimeKitWebhooks needs services.AddRealtimeKitWebhooks(…).");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(RealtimeKitWebhookLog.Category);
        var cancellationToken = context.RequestAborted;
        using var activity = RealtimeKitWebhookTelemetry.Start();

        var body = await ReadBodyAsync(context, verifier.Options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            RealtimeKitWebhookLog.BodyTooLarge(logger, verifier.Options.MaxBodyBytes);
            RealtimeKitWebhookTelemetry.Outcome(activity, null, RealtimeKitWebhookTelemetry.Rejected);
            // The rest of the body is left unread: the connection closes rather than draining it.
            context.Response.Headers.Connection = "close";
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, "body too large");
            return;
        }

        RealtimeKitWebhookDelivery delivery;
        try
        {
            var headers = context.Request.Headers;
            delivery = await verifier.VerifyAsync(
                body,
                headers[RealtimeKitWebhookVerifier.SignatureHeader].ToString(),
                headers[RealtimeKitWebhookVerifier.DeliveryIdHeader].ToString(),
                headers[RealtimeKitWebhookVerifier.WebhookIdHeader].ToString(),
                cancellationToken);
        }
        catch (RealtimeKitWebhookException ex)
        {
            var status = ex.Failure switch
            {
                RealtimeKitWebhookFailure.UnreadableBody => StatusCodes.Status400BadRequest,
                RealtimeKitWebhookFailure.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
                RealtimeKitWebhookFailure.KeyUnavailable => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status401Unauthorized,
            };
            RealtimeKitWebhookLog.Rejected(logger, ex.Failure, ex.Message);
            RealtimeKitWebhookTelemetry.Outcome(activity, null, ex.Failure switch
            {
                RealtimeKitWebhookFailure.UnreadableBody or RealtimeKitWebhookFailure.BodyTooLarge => RealtimeKitWebhookTelemetry.Rejected,
                RealtimeKitWebhookFailure.KeyUnavailable => RealtimeKitWebhookTelemetry.Unavailable,
                _ => RealtimeKitWebhookTelemetry.InvalidSignature,
            });
            await AnswerAsync(context, status, ex.Failure.ToString());
            return;
        }

        var eventName = delivery.Event.Event?.ToString() ?? "unknown";
        RealtimeKitWebhookTelemetry.Verified(activity, delivery, eventName);
        var store = services.GetService<IRealtimeKitDeliveryStore>();
        RealtimeKitDeliveryClaim? claim = null;
        var options = services.GetService<IOptions<RealtimeKitWebhookDeduplicationOptions>>()?.Value ?? new RealtimeKitWebhookDeduplicationOptions();
        if (store is not null && !string.IsNullOrEmpty(delivery.DeliveryId))
        {
            try
            {
                var claimStarted = Stopwatch.GetTimestamp();
                claim = await store.TryClaimAsync(delivery.DeliveryId, options.ClaimLease, cancellationToken);
                RealtimeKitWebhookTelemetry.Claimed(store, claimStarted);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                RealtimeKitWebhookLog.ClaimFailed(logger, ex, delivery.DeliveryId);
                RealtimeKitWebhookTelemetry.Outcome(activity, eventName, RealtimeKitWebhookTelemetry.Unavailable);
                await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "delivery store unavailable", options.RetryAfter);
                return;
            }

            switch (claim.Status)
            {
                case RealtimeKitDeliveryClaimStatus.AlreadyHandled:
                    RealtimeKitWebhookLog.Duplicate(logger, delivery.DeliveryId);
                    RealtimeKitWebhookTelemetry.Outcome(activity, eventName, RealtimeKitWebhookTelemetry.Duplicate);
                    await AnswerAsync(context, StatusCodes.Status200OK, "duplicate");
                    return;
                case RealtimeKitDeliveryClaimStatus.InProgress:
                    RealtimeKitWebhookLog.InProgress(logger, delivery.DeliveryId);
                    RealtimeKitWebhookTelemetry.Outcome(activity, eventName, RealtimeKitWebhookTelemetry.InProgress);
                    await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "in progress", options.RetryAfter);
                    return;
            }
        }

        // A claim is completed once the handler returned (even when the request was aborted
        // meanwhile: the work is done), and released in every other case, so that a retry is
        // handled; neither waits on the request. Both happen before the answer is sent.
        var handlerReturned = false;
        try
        {
            var handlerStarted = Stopwatch.GetTimestamp();
            handlerReturned = await InvokeHandlerAsync(context, handler, delivery, logger);
            RealtimeKitWebhookTelemetry.HandlerEnded(eventName, handlerReturned, handlerStarted);
        }
        finally
        {
            if (claim is not null)
            {
                if (handlerReturned)
                {
                    await CompleteAsync(store!, claim, options, logger);
                }
                else
                {
                    await ReleaseAsync(store!, claim, logger);
                }
            }
        }

        // The claim is settled: the outcome is final whether or not the answer can still be sent.
        RealtimeKitWebhookTelemetry.Outcome(activity, eventName, handlerReturned ? RealtimeKitWebhookTelemetry.Handled : RealtimeKitWebhookTelemetry.Failed);
        if (cancellationToken.IsCancellationRequested)
        {
            return; // nobody is listening for the answer
        }

        if (handlerReturned)
        {
            await AnswerAsync(context, StatusCodes.Status200OK, "ok");
        }
        else
        {
            await AnswerAsync(context, StatusCodes.Status500InternalServerError, "handler failed");
        }
    }

    /// <summary>Calls the handler; true when it returned, false (logged) when it threw.</summary>
    private static async Task<bool> InvokeHandlerAsync(
        HttpContext context,
        Func<RealtimeKitWebhookDelivery, HttpContext, Task> handler,
        RealtimeKitWebhookDelivery delivery,
        ILogger logger)
    {
        try
        {
            await handler(delivery, context);
            return true;
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested)
        {
            RealtimeKitWebhookLog.AbortedInHandler(logger, ex, delivery.DeliveryId, delivery.Event.Event);
            return false;
        }
        catch (Exception ex)
        {
            RealtimeKitWebhookLog.HandlerFailed(logger, ex, delivery.DeliveryId, delivery.Event.Event);
            return false;
        }
    }

    /// <summary>
    /// Records the delivery as handled. A store that fails (Redis restarting, a failover) is asked
    /// again, with growing pauses, for as long as the claim's lease would hold (at most
    /// <see cref="_maxCompleteRetry"/>): a record not written lets a later copy of the delivery be
    /// handled again, so it is worth the answer's wait.
    /// </summary>
    private static async Task CompleteAsync(IRealtimeKitDeliveryStore store, RealtimeKitDeliveryClaim claim, RealtimeKitWebhookDeduplicationOptions options, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = options.ClaimLease < _maxCompleteRetry ? options.ClaimLease : _maxCompleteRetry;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                if (!await store.CompleteAsync(claim, options.Retention, CancellationToken.None))
                {
                    RealtimeKitWebhookLog.LeaseOutlasted(logger, claim.DeliveryId);
                }

                return;
            }
            catch (Exception ex) when (Stopwatch.GetElapsedTime(started) + pause < limit)
            {
                RealtimeKitWebhookLog.CompleteRetried(logger, ex, claim.DeliveryId, pause);
                await Task.Delay(pause);
                pause = pause < TimeSpan.FromMilliseconds(500) ? pause * 2 : TimeSpan.FromSeconds(1);
            }
            catch (Exception ex)
            {
                RealtimeKitWebhookLog.CompleteFailed(logger, ex, claim.DeliveryId);
                return;
            }
        }
    }

    /// <summary>The longest a handled delivery's record is retried before its answer is sent without it.</summary>
    private static readonly TimeSpan _maxCompleteRetry = TimeSpan.FromSeconds(10);

    private static async Task ReleaseAsync(IRealtimeKitDeliveryStore store, RealtimeKitDeliveryClaim claim, ILogger logger)
    {
        try
        {
            await store.ReleaseAsync(claim, CancellationToken.None);
        }
        catch (Exception ex)
        {
            RealtimeKitWebhookLog.ReleaseFailed(logger, ex, claim.DeliveryId);
        }
    }

    /// <summary>The raw body, at most <paramref name="limit"/> bytes; null when it is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, int limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        // The loop below counts the body's bytes exactly. The server's own limit is set to match only
        // for a body with a Content-Length: for a chunked body Kestrel counts the chunks' framing too
        // (a 357-byte body in one chunk is refused by a limit of 358), so there it is lifted.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = context.Request.ContentLength is null ? null : limit + 1L;
        }

        using var buffer = new MemoryStream(context.Request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static Task AnswerAsync(HttpContext context, int status, string text, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = Math.Max(1L, (long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
