using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The sandbox on the wire: a WireMock.Net server on 127.0.0.1 (a free port unless one is
/// given) whose one mapping hands every request to the <see cref="SandboxPipeline"/>, records
/// it with its answer, and writes the answer, or closes the connection when a stage asked for it.
/// </summary>
internal sealed class SandboxHost : IDisposable
{
    /// <summary>The HTTP context of the request being handled, for closing its connection.</summary>
    private static readonly AsyncLocal<HttpContext?> _currentContext = new();

    private readonly WireMockServer _server;
    private readonly SandboxPipeline _pipeline;
    private readonly SandboxRequestLog _log;
    private readonly TimeProvider _time;

    private SandboxHost(WireMockServer server, SandboxPipeline pipeline, SandboxRequestLog log, TimeProvider time)
    {
        _server = server;
        _pipeline = pipeline;
        _log = log;
        _time = time;
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    public int Port => _server.Ports[0];

    /// <summary>Starts listening on <paramref name="port"/>, or on a free port when it is 0 (another one if a process takes it between the probe and the bind).</summary>
    public static SandboxHost Start(int port, SandboxPipeline pipeline, SandboxRequestLog log, TimeProvider time)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{(port != 0 ? port : FreePort())}"],
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                    MaxRequestLogCount = 0,
                    PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(KeepContextAsync),
                });
                return new SandboxHost(server, pipeline, log, time);
            }
            catch (Exception) when (port == 0 && attempt < 5)
            {
                // Another process took the free port between the probe and the bind: try another.
            }
        }
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var headers = (request.Headers ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var query = (request.Query ?? new Dictionary<string, WireMockList<string>>())
            .Where(q => q.Value.Count > 0)
            .ToDictionary(q => q.Key, q => string.Join(',', q.Value), StringComparer.Ordinal);
        var body = string.IsNullOrEmpty(request.Body) ? null : request.Body;
        var exchange = new SandboxExchange(request.Method, request.Path, headers, query, body, _time.GetUtcNow());

        var answer = await _pipeline.InvokeAsync(exchange).ConfigureAwait(false);
        if (exchange.DropConnection)
        {
            // Whatever the API's logic did, no answer is sent: recorded with status 0, before the
            // connection closes, so that the log is in order for a caller that goes on at once.
            _log.Record(Recorded(exchange, 0, string.Empty));
            DropConnection();
            return new ResponseMessage { StatusCode = 500 };
        }

        var response = new ResponseMessage
        {
            StatusCode = answer.Status,
            BodyData = new BodyData { BodyAsString = answer.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", answer.ContentType + "; charset=utf-8");
        foreach (var (name, value) in exchange.ResponseHeaders)
        {
            response.AddHeader(name, value);
        }

        _log.Record(Recorded(exchange, answer.Status, answer.Body));
        return response;
    }

    private static RealtimeKitSandboxRequest Recorded(SandboxExchange exchange, int status, string responseBody) =>
        new(exchange.Method, exchange.Path, exchange.Headers, exchange.Body, exchange.OperationId, status, responseBody, exchange.Received);

    /// <summary>Runs before WireMock.Net's own middleware: keeps the request's context for <see cref="DropConnection"/>.</summary>
    private static async Task KeepContextAsync(HttpContext context, Func<Task> next)
    {
        _currentContext.Value = context;
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            _currentContext.Value = null;
        }
    }

    /// <summary>
    /// Closes the current request's connection before any byte of the answer is written: an
    /// orderly close of the socket (the client reads the end of the stream where the status line
    /// should be), then an abort, so that the answer WireMock.Net goes on to write is discarded.
    /// </summary>
    private static void DropConnection()
    {
        var context = _currentContext.Value ?? throw new InvalidOperationException("The sandbox has no HTTP context to drop the connection of.");
        try
        {
            context.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the client: the abort below is all that is left to do.
        }

        context.Abort();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
