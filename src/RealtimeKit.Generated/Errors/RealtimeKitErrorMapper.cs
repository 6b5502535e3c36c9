using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace RealtimeKit.Generated;

/// <summary>
/// Turns an error answer into the <see cref="RealtimeKitApiException"/> (or subclass) that callers
/// catch. It is given what the transport read (the body, the request's target, the wait a 429 asks
/// for) and calls nothing back in the transport.
/// </summary>
internal static partial class RealtimeKitErrorMapper
{
    /// <summary>The exception for an error answer, from its body as read (<paramref name="body"/>, possibly cut off) and why reading stopped early, if it did.</summary>
    public static RealtimeKitApiException Create(HttpResponseMessage response, string target, string operationId, string body, Exception? readFailure, TimeSpan? retryAfter)
    {
        var headers = CollectHeaders(response);
        var parsed = readFailure is null
            ? RealtimeKitErrorBody.Parse(body, response.Content.Headers.ContentType?.MediaType)
            : new RealtimeKitErrorBody(null, null, "the response body could not be read");

        var status = (int)response.StatusCode;
        var message = $"RealtimeKit API {status} {ReasonPhrase(response)}: {parsed.Message ?? parsed.Description} ({target})";

        RealtimeKitApiException exception = status switch
        {
            401 => new RealtimeKitUnauthorizedException(message, body, headers, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
            404 => new RealtimeKitNotFoundException(message, body, headers, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
            429 => new RealtimeKitRateLimitedException(message, body, headers, retryAfter, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
            _ => new RealtimeKitApiException(message, status, body, headers, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId, RequestTarget = target },
        };
        return exception;
    }

    /// <summary>The exception for a success answer whose body cannot be read; <paramref name="body"/> is what arrived.</summary>
    public static RealtimeKitApiException Unreadable(HttpResponseMessage response, string target, string operationId, string what, string body, Exception? inner)
    {
        var status = (int)response.StatusCode;
        return new RealtimeKitApiException($"RealtimeKit API {status} {ReasonPhrase(response)}: {what} ({target})", status, body, CollectHeaders(response), inner)
        {
            OperationId = operationId,
            RequestTarget = target,
        };
    }

    /// <summary>The response's headers and its content's, as they arrived: not parsed or validated, which only an error's reader may need.</summary>
    internal static Dictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(response.Headers.NonValidated.Count + response.Content.Headers.NonValidated.Count, StringComparer.OrdinalIgnoreCase);
        Add(headers, response.Headers.NonValidated);
        Add(headers, response.Content.Headers.NonValidated);
        return headers;

        static void Add(Dictionary<string, IEnumerable<string>> headers, HttpHeadersNonValidated values)
        {
            foreach (var (name, value) in values)
            {
                var copy = new string[value.Count];
                var i = 0;
                foreach (var item in value)
                {
                    copy[i++] = item;
                }

                headers[name] = copy;
            }
        }
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
