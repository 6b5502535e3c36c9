using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace RealtimeKit.Generated;

/// <summary>
/// Turns an error answer into the <see cref="RealtimeKitApiException"/> (or subclass) that callers
/// catch. It is given what the transport read (the body, the request's target, the wait a 429 asks
/// for) and calls nothing back in the transport; what the exception says is written when it is
/// read (<see cref="RealtimeKitErrorDescription"/>).
/// </summary>
internal static partial class RealtimeKitErrorMapper
{
    /// <summary>The exception for an error answer, from its body as read (<paramref name="body"/>, possibly cut off) and why reading stopped early, if it did.</summary>
    public static RealtimeKitApiException Create(HttpResponseMessage response, RealtimeKitRequestTarget target, string operationId, string body, Exception? readFailure, TimeSpan? retryAfter)
    {
        var parsed = readFailure is null
            ? RealtimeKitErrorBody.Parse(body, response.Content.Headers.ContentType?.MediaType)
            : new RealtimeKitErrorBody(null, null, "the response body could not be read");

        var description = new RealtimeKitErrorDescription(response, target, parsed.Message ?? parsed.Description);
        RealtimeKitApiException exception = description.Status switch
        {
            401 => new RealtimeKitUnauthorizedException(description, body, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId },
            404 => new RealtimeKitNotFoundException(description, body, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId },
            429 => new RealtimeKitRateLimitedException(description, body, retryAfter, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId },
            _ => new RealtimeKitApiException(description, body, readFailure) { ApiMessage = parsed.Message, ErrorCode = parsed.Code, OperationId = operationId },
        };
        return exception;
    }

    /// <summary>The exception for a success answer whose body cannot be read; <paramref name="body"/> is what arrived.</summary>
    public static RealtimeKitApiException Unreadable(HttpResponseMessage response, RealtimeKitRequestTarget target, string operationId, string what, string body, Exception? inner) =>
        new(new RealtimeKitErrorDescription(response, target, what), body, inner) { OperationId = operationId };

    /// <summary>The response's headers and its content's, as they arrived: not parsed or validated, which only an error's reader may need.</summary>
    internal static Dictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseMessage response) =>
        CollectHeaders(response.Headers, response.Content.Headers);

    /// <summary>The headers and the content's headers, as they arrived.</summary>
    internal static Dictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseHeaders responseHeaders, HttpContentHeaders contentHeaders)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(responseHeaders.NonValidated.Count + contentHeaders.NonValidated.Count, StringComparer.OrdinalIgnoreCase);
        Add(headers, responseHeaders.NonValidated);
        Add(headers, contentHeaders.NonValidated);
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

    /// <summary>The answer's reason phrase, or the status code's name in words when it sent none.</summary>
    internal static string ReasonPhrase(System.Net.HttpStatusCode status, string? reasonPhrase)
    {
        if (!string.IsNullOrWhiteSpace(reasonPhrase))
        {
            return reasonPhrase;
        }

        var name = Enum.IsDefined(status) ? status.ToString() : "Error";
        return WordBoundary().Replace(name, " $1");
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
