using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// An HTTP/1.1 server on a raw loopback socket, for answers no well-behaved server gives: headers
/// and part of a body followed by a stall, a body cut off by a closed connection. Each connection
/// reads one request head (and its Content-Length body), then runs the script with the socket's
/// stream; a stall lasts until the server is disposed.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, CancellationToken, Task> _script;
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _requests;

    private RawHttpServer(Func<Stream, CancellationToken, Task> script)
    {
        _script = script;
        _listener.Start(backlog: 512);
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/client/v4/");

    public int Requests => Volatile.Read(ref _requests);

    public CancellationToken Stopping => _stop.Token;

    public static RawHttpServer Start(Func<Stream, CancellationToken, Task> script) => new(script);

    /// <summary>Writes <paramref name="head"/> (status line and headers, without the blank line) and <paramref name="body"/>, then waits until the server stops.</summary>
    public static Func<Stream, CancellationToken, Task> StallAfter(string head, string body) => async (stream, stop) =>
    {
        await WriteAsync(stream, head + "\r\n\r\n" + body, stop);
        await Task.Delay(Timeout.Infinite, stop);
    };

    /// <summary>Writes <paramref name="head"/> and <paramref name="body"/>, then closes the connection.</summary>
    public static Func<Stream, CancellationToken, Task> CloseAfter(string head, string body) => (stream, stop) =>
        WriteAsync(stream, head + "\r\n\r\n" + body, stop);

    public static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream, _stop.Token);
                Interlocked.Increment(ref _requests);
                await _script(stream, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    private static async Task ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("the client closed the connection before sending a request");
            }

            head.Append((char)one[0]);
        }

        var length = head.ToString().Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(parts => int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
    }
}
