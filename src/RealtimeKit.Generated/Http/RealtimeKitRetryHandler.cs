using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RealtimeKit.Generated;

/// <summary>
/// Runs each request through the retry pipeline of <see cref="RealtimeKitResilience"/>, and
/// through nothing more: no per-call enrichment or request options, one pooled
/// <see cref="ResilienceContext"/>, and with retries switched off (<see cref="RealtimeKitRetryOptions.MaxRetries"/> 0)
/// no work at all. It is a <see cref="ResilienceHandler"/>, so <c>RemoveAllResilienceHandlers()</c> removes it.
/// </summary>
internal sealed class RealtimeKitRetryHandler : ResilienceHandler
{
    /// <summary>The request being sent, for the pipeline's decisions (<see cref="RealtimeKitResilience.RequestOf"/>).</summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("RealtimeKit.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly bool _retries;
    private HttpMessageInvoker? _inner;

    public RealtimeKitRetryHandler(RealtimeKitClientOptions options, TimeProvider? timeProvider)
        : this(RealtimeKitResilience.Build(options, timeProvider), options.Retry.MaxRetries > 0)
    {
    }

    private RealtimeKitRetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline, bool retries)
        : base(pipeline)
    {
        _pipeline = pipeline;
        _retries = retries;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _retries ? SendWithRetriesAsync(Inner, request, cancellationToken) : Inner.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_retries)
        {
            return Inner.Send(request, cancellationToken);
        }

        var context = Rent(request, cancellationToken);
        try
        {
            return _pipeline.Execute(static (context, state) => state.Inner.Send(state.Request, context.CancellationToken), context, (Inner, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The next handler, called directly: the base class would run the pipeline again.</summary>
    private HttpMessageInvoker Inner => _inner ??= new HttpMessageInvoker(InnerHandler ?? throw new InvalidOperationException("RealtimeKitRetryHandler has no inner handler."), disposeHandler: false);

    private static ResilienceContext Rent(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        return context;
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpMessageInvoker inner, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = Rent(request, cancellationToken);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.inner.SendAsync(state.request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (inner, request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
