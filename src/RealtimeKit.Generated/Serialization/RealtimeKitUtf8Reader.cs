using System.Buffers;
using System.Text.Unicode;

namespace RealtimeKit.Generated;

/// <summary>
/// Reads UTF-8 bytes that are all in memory as text, decoding straight into the buffer the caller
/// reads into: no stream, no byte buffer and no character buffer in between, as a
/// <see cref="StreamReader"/> over a <see cref="MemoryStream"/> would have. A leading UTF-8 byte
/// order mark is skipped; a malformed sequence reads as U+FFFD, as the API's encoding does.
/// </summary>
internal sealed class RealtimeKitUtf8Reader : TextReader
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly ReadOnlyMemory<byte> _bytes;
    private int _position;

    // The second half of a surrogate pair that did not fit the caller's buffer.
    private char? _pending;

    public RealtimeKitUtf8Reader(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        _position = bytes.Span.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
    }

    public override int Peek()
    {
        if (_pending is { } pending)
        {
            return pending;
        }

        // Room for a pair, so that a character of two still shows its first half.
        Span<char> next = stackalloc char[2];
        return Decode(next, advance: false) == 0 ? -1 : next[0];
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return Read(buffer.AsSpan(index, count));
    }

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var written = 0;
        if (_pending is { } pending)
        {
            buffer[written++] = pending;
            _pending = null;
        }

        written += Decode(buffer[written..], advance: true);
        if (written == 0 && _position < _bytes.Length)
        {
            // A buffer of one character and a character of two (a surrogate pair): hand out its first half.
            Span<char> pair = stackalloc char[2];
            var decoded = Decode(pair, advance: true);
            buffer[0] = pair[0];
            _pending = decoded == 2 ? pair[1] : null;
            written = 1;
        }

        return written;
    }

    public override string ReadToEnd()
    {
        var pending = _pending;
        _pending = null;
        var text = Decode(_bytes.Span[_position..], pending);
        _position = _bytes.Length;
        return text;
    }

    /// <summary>
    /// <paramref name="bytes"/> as text, a malformed sequence as U+FFFD (as <see cref="System.Text.Encoding.UTF8"/>
    /// decodes), after <paramref name="first"/> when given; through a pooled buffer, not
    /// <c>Encoding.GetString</c>, whose replacement path allocates about 34 bytes per malformed
    /// byte: a body of garbage would cost 17 times its text.
    /// </summary>
    internal static string Decode(ReadOnlySpan<byte> bytes, char? first = null)
    {
        // UTF-8 never decodes to more UTF-16 characters than it has bytes (a malformed byte is one U+FFFD).
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var written = 0;
            if (first is { } character)
            {
                buffer[written++] = character;
            }

            Utf8.ToUtf16(bytes, buffer.AsSpan(written), out _, out var decoded, replaceInvalidSequences: true, isFinalBlock: true);
            return new string(buffer, 0, written + decoded);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private int Decode(Span<char> destination, bool advance)
    {
        if (destination.IsEmpty || _position >= _bytes.Length)
        {
            return 0;
        }

        var status = Utf8.ToUtf16(_bytes.Span[_position..], destination, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
        System.Diagnostics.Debug.Assert(status is OperationStatus.Done or OperationStatus.DestinationTooSmall, "isFinalBlock and replacement leave only these two");
        if (advance)
        {
            _position += read;
        }

        return written;
    }
}
