using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    /// (400 when the verified body is unreadable), drops a delivery already handled when an
    /// <see cref="IRealtimeKitDeliveryStore"/> is registered, calls <paramref name="handler"/>
    /// and answers 200 once it returns, or 500 when it throws, so that RealtimeKit retries.
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
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("RealtimeKit.Generated.AspNetCore.Webhooks");
        var cancellationToken = context.RequestAborted;

        var body = await ReadBodyAsync(context, verifier.Options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            logger.LogWarning("RealtimeKit delivery rejected: the body is larger than {MaxBodyBytes} bytes", verifier.Options.MaxBodyBytes);
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
            logger.LogWarning("RealtimeKit delivery rejected ({Failure}): {Message}", ex.Failure, ex.Message);
            await AnswerAsync(context, status, ex.Failure.ToString());
            return;
        }

        var store = services.GetService<IRealtimeKitDeliveryStore>();
        var deduplicate = store is not null && delivery.DeliveryId is not null;
        if (deduplicate && !await store!.TryBeginAsync(delivery.DeliveryId!, cancellationToken))
        {
            logger.LogInformation("RealtimeKit delivery {DeliveryId} was handled already; dropped", delivery.DeliveryId);
            await AnswerAsync(context, StatusCodes.Status200OK, "duplicate");
            return;
        }

        try
        {
            await handler(delivery, context);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (deduplicate)
            {
                await store!.AbandonAsync(delivery.DeliveryId!, CancellationToken.None);
            }

            logger.LogError(ex, "RealtimeKit delivery {DeliveryId} ({Event}) failed in its handler; answering 500 so that it is retried", delivery.DeliveryId, delivery.Event.Event);
            await AnswerAsync(context, StatusCodes.Status500InternalServerError, "handler failed");
            return;
        }

        if (deduplicate)
        {
            await store!.CompleteAsync(delivery.DeliveryId!, CancellationToken.None);
        }

        await AnswerAsync(context, StatusCodes.Status200OK, "ok");
    }

    /// <summary>The raw body, at most <paramref name="limit"/> bytes; null when it is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, int limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit + 1L;
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

    private static Task AnswerAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
