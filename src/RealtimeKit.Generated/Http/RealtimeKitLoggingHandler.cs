using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace RealtimeKit.Generated;

/// <summary>
/// Logs every attempt <c>AddRealtimeKit</c> sends, in place of <see cref="IHttpClientFactory"/>'s
/// two logging handlers: the method and address at <see cref="LogLevel.Debug"/> (the query
/// replaced by <c>*</c>), the status and time at <see cref="LogLevel.Debug"/>, and the headers at
/// <see cref="LogLevel.Trace"/>, each value replaced by <c>*</c> unless its header is on the
/// allow-list of <see cref="RealtimeKitLoggedHeaders"/> (the credentials never are).
/// </summary>
/// <remarks>
/// It is the innermost handler, so it sees each retry and the credential the authentication
/// handler put on the request. With <see cref="LogLevel.Debug"/> off for its category it passes
/// the request on without an allocation of its own.
/// </remarks>
internal sealed partial class RealtimeKitLoggingHandler(ILogger<RealtimeKitLoggingHandler> logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        logger.IsEnabled(LogLevel.Debug) ? SendLoggedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var address = Address(request.RequestUri);
        RequestStart(logger, request.Method.Method, address);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            RequestHeaders(logger, Headers(request.Headers, request.Content?.Headers));
        }

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RequestFailed(logger, request.Method.Method, address, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex);
            throw;
        }

        ResponseReceived(logger, request.Method.Method, address, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            ResponseHeaders(logger, Headers(response.Headers, response.Content.Headers));
        }

        return response;
    }

    /// <summary>The address without its query, whose values are not this log's to keep.</summary>
    internal static string Address(Uri? uri) =>
        uri is null ? string.Empty
        : !uri.IsAbsoluteUri ? uri.OriginalString
        : uri.Query.Length > 0 ? uri.GetLeftPart(UriPartial.Path) + "?*"
        : uri.AbsoluteUri;

    private static string Headers(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var text = new StringBuilder();
        Append(text, headers);
        if (contentHeaders is not null)
        {
            Append(text, contentHeaders);
        }

        return text.ToString();

        static void Append(StringBuilder text, HttpHeaders headers)
        {
            foreach (var header in headers.NonValidated)
            {
                text.Append('\n').Append(header.Key).Append(": ");
                text.Append(RealtimeKitLoggedHeaders.IsAllowed(header.Key) ? string.Join(", ", header.Value) : "*");
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Method} {Address}")]
    private static partial void RequestStart(ILogger logger, string method, string address);

    [LoggerMessage(EventId = 2, Level = LogLevel.Trace, Message = "Request headers:{Headers}")]
    private static partial void RequestHeaders(ILogger logger, string headers);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Method} {Address} answered {StatusCode} after {ElapsedMilliseconds:0.0} ms")]
    private static partial void ResponseReceived(ILogger logger, string method, string address, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "Response headers:{Headers}")]
    private static partial void ResponseHeaders(ILogger logger, string headers);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Method} {Address} failed after {ElapsedMilliseconds:0.0} ms")]
    private static partial void RequestFailed(ILogger logger, string method, string address, double elapsedMilliseconds, Exception exception);
}
