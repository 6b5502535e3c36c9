using System.Net.Http.Headers;

namespace RealtimeKit.Generated;

/// <summary>
/// What an error answer's exception says about it, kept as the parts it is made of until someone
/// reads it: the message line, the request's target and the copy of the headers are built on first
/// read (<see cref="RealtimeKitApiException.Message"/>, <see cref="RealtimeKitApiException.RequestTarget"/>,
/// <see cref="RealtimeKitApiException.Headers"/>). A caller that catches a 401 or a 404 and moves on
/// builds none of them.
/// </summary>
internal sealed class RealtimeKitErrorDescription
{
    private readonly System.Net.HttpStatusCode _status;
    private readonly string? _reasonPhrase;
    private readonly string _what;
    private readonly HttpResponseHeaders _headers;
    private readonly HttpContentHeaders _contentHeaders;

    /// <param name="response">The answer; its headers are kept (not its request, which holds the credentials).</param>
    /// <param name="target">The request that failed.</param>
    /// <param name="what">What went wrong, e.g. the API's message.</param>
    public RealtimeKitErrorDescription(HttpResponseMessage response, RealtimeKitRequestTarget target, string what)
    {
        _status = response.StatusCode;
        _reasonPhrase = response.ReasonPhrase;
        _headers = response.Headers;
        _contentHeaders = response.Content.Headers;
        Target = target;
        _what = what;
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public int Status => (int)_status;

    /// <summary>The request that failed.</summary>
    public RealtimeKitRequestTarget Target { get; }

    /// <summary>"RealtimeKit API 401 Unauthorized: Unauthorized (GET /client/v4/…)".</summary>
    public string Message() => $"RealtimeKit API {Status} {RealtimeKitErrorMapper.ReasonPhrase(_status, _reasonPhrase)}: {_what} ({Target})";

    /// <summary>A copy of the answer's headers and its content's, as they arrived.</summary>
    public Dictionary<string, IEnumerable<string>> Headers() => RealtimeKitErrorMapper.CollectHeaders(_headers, _contentHeaders);
}
