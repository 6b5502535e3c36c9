using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Polly.Timeout;

namespace RealtimeKit.Generated;

/// <summary>
/// The hand-written half of every generated operation: it writes the request body, sends the
/// request, reads the answer's body asynchronously under the same deadline, and turns every
/// failure into a typed exception (<see cref="RealtimeKitApiException"/>,
/// <see cref="TimeoutException"/>, or <see cref="OperationCanceledException"/> when the caller
/// cancelled). A connection that fails or closes before the answer's headers arrive becomes a
/// <see cref="RealtimeKitConnectionException"/> around the <see cref="HttpRequestException"/>.
/// </summary>
/// <remarks>
/// The deadline is the call context's <see cref="RealtimeKitCallContext.Timeout"/> (from
/// <see cref="RealtimeKitClientOptions.Timeout"/>, through the client's
/// <see cref="HttpClient.Timeout"/>), measured on its <see cref="RealtimeKitCallContext.TimeProvider"/>:
/// one total time for the call, covering every attempt, the delays between them and the reading
/// of the body. The body is read into a pooled buffer before it is parsed, so no thread ever
/// waits on a socket.
/// </remarks>
internal static class RealtimeKitTransport
{
    /// <summary>The largest error body kept on an exception, in bytes; the rest is not read.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The largest success body read; larger answers are refused rather than exhausting memory.</summary>
    internal const int MaxSuccessBodyBytes = 256 * 1024 * 1024;

    private static readonly MediaTypeHeaderValue _jsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue _acceptJson = new("application/json");

    /// <summary><c>RealtimeKit.Generated/{version} (.NET {runtime version})</c>, sent on every request.</summary>
    internal static readonly string UserAgent = $"RealtimeKit.Generated/{RealtimeKitDiagnostics.Version} (.NET {Environment.Version})";

    public static HttpContent CreateJsonContent(object body)
    {
        // Small bodies: write into a pooled-buffer JsonTextWriter over a StringBuilder, then UTF-8 once.
        var text = new StringBuilder(256);
        using (var writer = new StringWriter(text, System.Globalization.CultureInfo.InvariantCulture))
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None, ArrayPool = RealtimeKitJsonArrayPool.Instance })
        {
            RealtimeKitJson.Serializer.Serialize(json, body);
        }

        var content = new ByteArrayContent(RealtimeKitEncoding.Utf8NoBom.GetBytes(text.ToString()));
        content.Headers.ContentType = _jsonContentType;
        return content;
    }

    /// <summary>
    /// Sends <paramref name="request"/>, which it owns and disposes, and reads the answer as a
    /// <typeparamref name="T"/>; inside an operation activity and measured when anyone listens
    /// (<see cref="RealtimeKitTelemetry"/>), directly otherwise.
    /// </summary>
    public static Task<T> SendAsync<T>(RealtimeKitRequestMessage request, string operationId, CancellationToken cancellationToken)
        where T : class =>
        RealtimeKitTelemetry.IsObserved ? SendObservedAsync<T>(request, operationId, cancellationToken) : SendCoreAsync<T>(request, operationId, cancellationToken);

    private static async Task<T> SendObservedAsync<T>(RealtimeKitRequestMessage request, string operationId, CancellationToken cancellationToken)
        where T : class
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var activity = RealtimeKitTelemetry.StartOperation(request, operationId);
        try
        {
            var result = await SendCoreAsync<T>(request, operationId, cancellationToken).ConfigureAwait(false);
            RealtimeKitTelemetry.Ended(activity, operationId, request.StatusCode, null, started);
            return result;
        }
        catch (Exception ex)
        {
            RealtimeKitTelemetry.Ended(activity, operationId, request.StatusCode, ex, started);
            throw;
        }
    }

    private static async Task<T> SendCoreAsync<T>(RealtimeKitRequestMessage request, string operationId, CancellationToken cancellationToken)
        where T : class
    {
        using var owned = request;
        var context = request.Context;
        var client = context.HttpClient;
        var requestOptions = request.RequestOptions;
        if (requestOptions is not null)
        {
            requestOptions.Validate();
            foreach (var (name, value) in requestOptions.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var relative = request.RequestUri is { IsAbsoluteUri: false } uri ? uri.OriginalString : null;
        request.Headers.Accept.Add(_acceptJson);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

        // One deadline for the whole call: HttpClient applies its Timeout to SendAsync only, the
        // body is read afterwards, so the same time limit is linked to the caller's token here.
        using var deadline = context.StartDeadline(request.Timeout, cancellationToken);
        request.StartedAt = context.TimeProvider.GetTimestamp();
        request.OperationId = operationId;

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled: the exception carries the caller's token, not the linked one.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (request.AwaitingPermitOf is { } budget)
        {
            throw RealtimeKitRateLimitHandler.NoPermit(budget, request, request.Method, request.Timeout, ex);
        }
        catch (OperationCanceledException ex)
        {
            throw TimedOut(context, request, relative, operationId, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            // A timeout strategy of a resilience pipeline the caller configured.
            throw TimedOut(context, request, relative, operationId, ex);
        }
        catch (HttpRequestException ex)
        {
            var target = RealtimeKitRequestTarget.Of(client, request, relative).ToString();
            var neverSent = ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError or HttpRequestError.SecureConnectionError;
            throw new RealtimeKitConnectionException($"RealtimeKit API {operationId}: no answer arrived ({ex.HttpRequestError}: {ex.Message}) ({target})", !neverSent, ex)
            {
                OperationId = operationId,
                RequestTarget = target,
            };
        }

        using (response)
        {
            // Only a failure names its target, and builds the name's string only when it is read.
            RealtimeKitRequestTarget AnswerTarget() => RealtimeKitRequestTarget.Of(client, response.RequestMessage ?? request, response.RequestMessage is null || response.RequestMessage == request ? relative : null);

            request.StatusCode = (int)response.StatusCode;
            var success = response.IsSuccessStatusCode;
            using var body = await RealtimeKitResponseBody.ReadAsync(response.Content, success ? MaxSuccessBodyBytes : MaxErrorBodyBytes, deadline.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (requestOptions is not null)
            {
                requestOptions.Response = new RealtimeKitResponse((int)response.StatusCode, RealtimeKitErrorMapper.CollectHeaders(response), body.Text(int.MaxValue));
            }

            if (!success)
            {
                var failure = body.Failure is OperationCanceledException ? TimedOut(context, request, relative, operationId, body.Failure) : body.Failure;
                var retryAfter = response.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? RealtimeKitRetryAfter.Read(response, context.TimeProvider) : null;
                throw RealtimeKitErrorMapper.Create(response, AnswerTarget(), operationId, body.Text(MaxErrorBodyBytes), failure, retryAfter);
            }

            if (body.Failure is OperationCanceledException)
            {
                throw TimedOut(context, request, relative, operationId, body.Failure);
            }

            if (body.Failure is not null)
            {
                throw RealtimeKitErrorMapper.Unreadable(response, AnswerTarget(), operationId, "the response body ended before it was complete", body.Text(MaxErrorBodyBytes), body.Failure);
            }

            if (body.Truncated)
            {
                throw RealtimeKitErrorMapper.Unreadable(response, AnswerTarget(), operationId, $"the response body is larger than {MaxSuccessBodyBytes} bytes", body.Text(MaxErrorBodyBytes), null);
            }

            T? result;
            try
            {
                using var json = new JsonTextReader(new RealtimeKitUtf8Reader(body.Bytes)) { ArrayPool = RealtimeKitJsonArrayPool.Instance };
                result = RealtimeKitJson.Serializer.Deserialize<T>(json);
            }
            catch (JsonException ex)
            {
                // Read again leniently: an optional field that cannot be read is kept in the model's
                // AdditionalProperties as it arrived instead of failing the call; a required one fails.
                try
                {
                    result = RealtimeKitLenientReading.Read<T>(new RealtimeKitUtf8Reader(body.Bytes));
                }
                catch (JsonException)
                {
                    throw RealtimeKitErrorMapper.Unreadable(response, AnswerTarget(), operationId, $"the response body is not a valid {typeof(T).Name}: {ex.Message}", body.Text(MaxErrorBodyBytes), ex);
                }
            }

            if (result is null)
            {
                throw RealtimeKitErrorMapper.Unreadable(response, AnswerTarget(), operationId, $"the response body is empty where a {typeof(T).Name} was expected", body.Text(MaxErrorBodyBytes), null);
            }

            // Required fields are checked once the answer is read, by the generated models, rather
            // than by the serializer, which would track every property of every object to do it.
            if (result is IRealtimeKitModel model && model.FindMissing() is { } missing)
            {
                throw RealtimeKitErrorMapper.Unreadable(response, AnswerTarget(), operationId, $"the response body is not a valid {typeof(T).Name}: the required field '{missing}' is missing", body.Text(MaxErrorBodyBytes), null);
            }

            return result;
        }
    }

    private static TimeoutException TimedOut(RealtimeKitCallContext context, RealtimeKitRequestMessage request, string? relative, string operationId, Exception inner) =>
        new($"RealtimeKit API {operationId} did not complete within the configured timeout of {request.Timeout.TotalSeconds:0.###} s ({RealtimeKitRequestTarget.Of(context.HttpClient, request, relative)}).", inner);

}
