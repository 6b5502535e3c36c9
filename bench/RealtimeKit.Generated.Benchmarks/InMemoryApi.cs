using System.Net;
using System.Net.Http.Headers;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>Answers every request from memory, without sockets: the body it is given, with the status it is given (201 for a POST when that is 200: an add answers 201, as the document says, and NSwag's stock client accepts only the documented status).</summary>
internal sealed class InMemoryApi(byte[] body, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue _json = new("application/json");

    /// <summary>The body every answer carries; settable, for runs that warm up on a smaller one.</summary>
    public byte[] Body { get; set; } = body;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Read what was sent, as a server would.
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = _json;
        var answer = status == HttpStatusCode.OK && request.Method == HttpMethod.Post ? HttpStatusCode.Created : status;
        return new HttpResponseMessage(answer) { Content = content, RequestMessage = request };
    }
}
