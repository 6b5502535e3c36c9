using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Polly.Timeout;

namespace RealtimeKit.Generated;

/// <summary>
/// The hand-written half of every generated operation: it writes the request body, sends the
/// request, turns every failure into a typed exception (<see cref="RealtimeKitApiException"/>,
/// <see cref="TimeoutException"/>, or <see cref="OperationCanceledException"/> when the caller
/// cancelled) and reads the success body without going through a string.
/// </summary>
internal static class RealtimeKitTransport
{
    public static readonly HttpMethod Get = HttpMethod.Get;
    public static readonly HttpMethod Post = HttpMethod.Post;
    public static readonly HttpMethod Put = HttpMethod.Put;
    public static readonly HttpMethod Patch = HttpMethod.Patch;
    public static readonly HttpMethod Delete = HttpMethod.Delete;

    private static readonly MediaTypeHeaderValue _jsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue _acceptJson = new("application/json");

    /// <summary>The largest error body kept on an exception; the rest is cut off.</summary>
    internal const int MaxErrorBodyChars = 64 * 1024;

    public static HttpContent CreateJsonContent(object body)
    {
        // Small bodies: write into a pooled-buffer JsonTextWriter over a StringBuilder, then UTF-8 once.
        var text = new StringBuilder(256);
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None, ArrayPool = RealtimeKitJsonArrayPool.Instance })
        {
            RealtimeKitJson.Serializer.Serialize(json, body);
        }

        var content = new ByteArrayContent(RealtimeKitEncoding.Utf8NoBom.GetBytes(text.ToString()));
        content.Headers.ContentType = _jsonContentType;
        return content;
    }

    public static async Task<T> SendAsync<T>(HttpClient client, HttpRequestMessage request, string operationId, CancellationToken cancellationToken)
        where T : class
    {
        request.Headers.Accept.Add(_acceptJson);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: the caller did not cancel.
            throw TimedOut(request, operationId, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            // The resilience pipeline's total timeout elapsed.
            throw TimedOut(request, operationId, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await RealtimeKitErrorMapper.CreateAsync(response, request, operationId, cancellationToken).ConfigureAwait(false);
            }

            return await ReadAsync<T>(response, request, operationId, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpRequestMessage request, string operationId, CancellationToken cancellationToken)
        where T : class
    {
        Stream stream;
        try
        {
            stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw RealtimeKitErrorMapper.Unreadable(response, request, operationId, "the response body could not be read", ex);
        }

        await using (stream.ConfigureAwait(false))
        {
            T? result;
            try
            {
                // Parsed as it streams in: the body never becomes a string or a second buffer.
                // Newtonsoft.Json has no asynchronous reader, so the stream is read synchronously, as the hand-written baseline does.
                using var reader = new StreamReader(stream, RealtimeKitEncoding.Utf8NoBom, detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true);
                using var json = new JsonTextReader(reader) { ArrayPool = RealtimeKitJsonArrayPool.Instance, CloseInput = false };
                result = RealtimeKitJson.Serializer.Deserialize<T>(json);
            }
            catch (JsonException ex)
            {
                throw RealtimeKitErrorMapper.Unreadable(response, request, operationId, $"the response body is not a valid {typeof(T).Name}: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw RealtimeKitErrorMapper.Unreadable(response, request, operationId, "the response body ended before it was complete", ex);
            }

            return result ?? throw RealtimeKitErrorMapper.Unreadable(response, request, operationId, $"the response body is empty where a {typeof(T).Name} was expected", null);
        }
    }

    private static TimeoutException TimedOut(HttpRequestMessage request, string operationId, Exception inner) =>
        new($"RealtimeKit API {operationId} did not complete within the configured timeout ({RealtimeKitErrorMapper.Target(request)}).", inner);
}
