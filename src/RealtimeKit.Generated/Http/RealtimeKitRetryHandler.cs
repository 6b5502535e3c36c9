using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RealtimeKit.Generated;

/// <summary>
/// Runs each request through the retry pipeline of <see cref="RealtimeKitResilience"/>, and
/// through nothing more: no per-call enrichment or request options. The first attempt is sent
/// directly; only an outcome the pipeline would retry enters it, as the outcome of its first
/// attempt, so a call that succeeds (or fails for good) at once costs no pipeline run, no
/// <see cref="ResilienceContext"/> and no clock reading. With retries switched off
/// (<see cref="RealtimeKitRetryOptions.MaxRetries"/> 0, or <see cref="RealtimeKitRequestOptions.DisableRetries"/>
/// for one call) it does no work at all. It is a
/// <see cref="ResilienceHandler"/>, so <c>RemoveAllResilienceHandlers()</c> removes it.
/// </summary>
internal sealed class RealtimeKitRetryHandler : ResilienceHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Func<HttpRequestMessage?, Outcome<HttpResponseMessage>, bool> _shouldRetry;
    private readonly bool _retries;
    private HttpMessageInvoker? _inner;

    public RealtimeKitRetryHandler(RealtimeKitRetryOptions retry, TimeProvider timeProvider)
        : this(RealtimeKitResilience.Build(retry, timeProvider), RealtimeKitResilience.RetryDecision(retry, timeProvider), retry.MaxRetries > 0)
    {
    }

    private RealtimeKitRetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline, Func<HttpRequestMessage?, Outcome<HttpResponseMessage>, bool> shouldRetry, bool retries)
        : base(pipeline)
    {
        _pipeline = pipeline;
        _shouldRetry = shouldRetry;
        _retries = retries;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _retries && request is not RealtimeKitRequestMessage { RetriesDisabled: true } ? SendWithRetriesAsync(Inner, request, cancellationToken) : Inner.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_retries || request is RealtimeKitRequestMessage { RetriesDisabled: true })
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
        context.Properties.Set(RealtimeKitResilience.RequestKey, request);
        return context;
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpMessageInvoker inner, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Outcome<HttpResponseMessage> first;
        try
        {
            var response = await inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
            first = Outcome.FromResult(response);
            if (!_shouldRetry(request, first))
            {
                return response;
            }
        }
        catch (Exception ex) when (_shouldRetry(request, Outcome.FromException<HttpResponseMessage>(ex)))
        {
            first = Outcome.FromException<HttpResponseMessage>(ex);
        }

        return await RetryAsync(inner, request, first, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pipeline's run for an outcome it retries: its first attempt hands back <paramref name="first"/>, the later ones send.</summary>
    private async Task<HttpResponseMessage> RetryAsync(HttpMessageInvoker inner, HttpRequestMessage request, Outcome<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var context = Rent(request, cancellationToken);
        var replay = new Replay(inner, request, first);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (context, replay) =>
                {
                    if (replay.Take() is { } outcome)
                    {
                        return outcome;
                    }

                    try
                    {
                        return Outcome.FromResult(await replay.Inner.SendAsync(replay.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                replay).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            // The pipeline may end (cancelled) before it asks for its first attempt: the answer
            // that attempt got is then nobody's, and is disposed here.
            replay.Take()?.Result?.Dispose();
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The first attempt's outcome, handed out once, and what the later attempts send.</summary>
    private sealed class Replay(HttpMessageInvoker inner, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        private Outcome<HttpResponseMessage>? _first = first;

        public HttpMessageInvoker Inner { get; } = inner;

        public HttpRequestMessage Request { get; } = request;

        public Outcome<HttpResponseMessage>? Take()
        {
            var outcome = _first;
            _first = null;
            return outcome;
        }
    }
}
