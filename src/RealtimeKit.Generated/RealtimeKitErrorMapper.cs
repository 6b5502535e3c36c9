using System.Text.RegularExpressions;

namespace RealtimeKit.Generated;

/// <summary>Turns an error response into the <see cref="RealtimeKitApiException"/> (or subclass) that callers catch.</summary>
internal static partial class RealtimeKitErrorMapper
{
    /// <summary>The exception for an error answer, from its body as read (<paramref name="body"/>, possibly cut off) and why reading stopped early, if it did.</summary>
    public static RealtimeKitApiException Create(HttpResponseMessage response, HttpRequestMessage request, string operationId, string body, Exception? readFailure)
    {
        var headers = CollectHeaders(response);
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
            429 => new RealtimeKitRateLimitedException(message, body, headers, RetryAfter(response, TimeProvider.System), readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
            _ => new RealtimeKitApiException(message, status, body, headers, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
        };
        return exception;
    }

    /// <summary>The exception for a success answer whose body cannot be read; <paramref name="body"/> is what arrived.</summary>
    public static RealtimeKitApiException Unreadable(HttpResponseMessage response, HttpRequestMessage request, string operationId, string what, string body, Exception? inner)
    {
        var target = Target(response.RequestMessage ?? request);
        var status = (int)response.StatusCode;
        return new RealtimeKitApiException($"RealtimeKit API {status} {ReasonPhrase(response)}: {what} ({target})", status, body, CollectHeaders(response), inner)
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

    /// <summary>How long the answer asks to wait: its <c>Retry-After</c> delta, or its date measured against <paramref name="time"/>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
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
