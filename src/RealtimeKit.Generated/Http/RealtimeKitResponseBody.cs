using System.Buffers;

namespace RealtimeKit.Generated;

/// <summary>
/// A response body read asynchronously into a buffer rented from the shared pool, at most
/// <c>limit</c> bytes. Reading never throws for a failed, stalled or cancelled read: what arrived
/// until then is kept with the <see cref="Failure"/>, so the caller can report both.
/// </summary>
internal sealed class RealtimeKitResponseBody : IDisposable
{
    private const int DefaultInitialSize = 16 * 1024;

    private byte[] _buffer;

    private RealtimeKitResponseBody(int initialSize)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    /// <summary>How many bytes arrived.</summary>
    public int Length { get; private set; }

    /// <summary>The limit was reached with more body left unread.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Why reading stopped before the end of the body; null when it was read to the end (or to the limit).</summary>
    public Exception? Failure { get; private set; }

    public static async ValueTask<RealtimeKitResponseBody> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var initial = declared is > 0 and <= int.MaxValue ? (int)Math.Min(declared.Value, limit) : Math.Min(DefaultInitialSize, limit);
        var body = new RealtimeKitResponseBody(Math.Max(initial, 1));
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (body.Length >= Math.Min(body._buffer.Length, limit))
                    {
                        if (body.Length >= limit)
                        {
                            // One byte more tells a body of exactly `limit` bytes from a longer one.
                            var probe = new byte[1];
                            body.Truncated = await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) > 0;
                            break;
                        }

                        body.Grow(limit);
                    }

                    var room = Math.Min(body._buffer.Length, limit) - body.Length; // > 0: the check above made room
                    var read = await stream.ReadAsync(body._buffer.AsMemory(body.Length, room), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    body.Length += read;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            body.Failure = ex;
        }

        return body;
    }

    /// <summary>The bytes that arrived, valid until the body is disposed.</summary>
    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, Length);

    /// <summary>What arrived, decoded as UTF-8, at most <paramref name="maxBytes"/> bytes of it.</summary>
    public string Text(int maxBytes) => RealtimeKitUtf8Reader.Decode(_buffer.AsSpan(0, Math.Min(Length, maxBytes)));

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int limit)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, Math.Max(limit, _buffer.Length + 1)));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
