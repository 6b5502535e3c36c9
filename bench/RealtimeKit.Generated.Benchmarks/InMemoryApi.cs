using System.Net;
using System.Net.Http.Headers;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>Answers every request from memory, without sockets: the body it is given, with the status it is given.</summary>
internal sealed class InMemoryApi(byte[] body, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue _json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Read what was sent, as a server would.
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = _json;
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
