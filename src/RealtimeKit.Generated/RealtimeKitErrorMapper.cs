using System.Text.RegularExpressions;

namespace RealtimeKit.Generated;

/// <summary>Turns an error response into the <see cref="RealtimeKitApiException"/> (or subclass) that callers catch.</summary>
internal static partial class RealtimeKitErrorMapper
{
    public static async Task<RealtimeKitApiException> CreateAsync(HttpResponseMessage response, HttpRequestMessage request, string operationId, CancellationToken cancellationToken)
    {
        var headers = CollectHeaders(response);
        string body;
        Exception? readFailure = null;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            body = string.Empty;
            readFailure = ex;
        }

        if (body.Length > RealtimeKitTransport.MaxErrorBodyChars)
        {
            body = body[..RealtimeKitTransport.MaxErrorBodyChars];
        }

        var parsed = readFailure is null
            ? RealtimeKitErrorBody.Parse(body, response.Content.Headers.ContentType?.MediaType)
            : new RealtimeKitErrorBody(null, null, "the response body could not be read");

        var status = (int)response.StatusCode;
        var target = Target(response.RequestMessage ?? request);
        var message = $"RealtimeKit API {status} {ReasonPhrase(response)}: {parsed.Message ?? parsed.Description} ({target})";

        RealtimeKitApiException exception = status switch
        {
            401 => new RealtimeKitUnauthorizedException(message, body, headers, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
            404 => new RealtimeKitNotFoundException(message, body, headers, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
            429 => new RealtimeKitRateLimitedException(message, body, headers, RetryAfter(response), readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
            _ => new RealtimeKitApiException(message, status, body, headers, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
        };
        return exception;
    }

    public static RealtimeKitApiException Unreadable(HttpResponseMessage response, HttpRequestMessage request, string operationId, string what, Exception? inner)
    {
        var target = Target(response.RequestMessage ?? request);
        var status = (int)response.StatusCode;
        return new RealtimeKitApiException($"RealtimeKit API {status} {ReasonPhrase(response)}: {what} ({target})", status, string.Empty, CollectHeaders(response), inner)
        {
            OperationId = operationId,
            RequestTarget = target,
        };
    }

    /// <summary>"PATCH /client/v4/accounts/…": the method and the path, never the query or credentials.</summary>
    public static string Target(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        var path = uri is null ? string.Empty : uri.IsAbsoluteUri ? uri.AbsolutePath : "/" + uri.OriginalString.TrimStart('/');
        return $"{request.Method.Method} {path}";
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static Dictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = header.Value;
        }

        return headers;
    }

    private static string ReasonPhrase(HttpResponseMessage response)
    {
        if (!string.IsNullOrWhiteSpace(response.ReasonPhrase))
        {
            return response.ReasonPhrase;
        }

        var name = Enum.IsDefined(response.StatusCode) ? response.StatusCode.ToString() : "Error";
        return WordBoundary().Replace(name, " $1");
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
