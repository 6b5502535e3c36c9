using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace RealtimeKit.Generated.Tests.Properties;

/// <summary>The UTF-8 reader under every body JSON is read from: it reads what <see cref="Encoding.UTF8"/> decodes, however it is asked.</summary>
public sealed class Utf8ReaderProperties
{
    private static readonly string[] _samples = ["{\"name\":\"Grüße, 世界 🎉\"}", "\uFEFF{\"a\":1}", "plain ascii", "𝄞𝄞𝄞 surrogate pairs 😀😀"];

    public static Arbitrary<byte[]> Bytes { get; } = Arb.From(Inputs.BrokenFrom(_samples));

    /// <summary>The oracle: the platform's decoder, after the byte order mark the reader skips.</summary>
    private static string Expected(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes);

    [Property(MaxTest = 300, Arbitrary = [typeof(Utf8ReaderProperties)])]
    public void ReadToEnd_decodes_as_Encoding_UTF8_does(byte[] bytes)
    {
        var text = Bounded.Run(() => new RealtimeKitUtf8Reader(bytes).ReadToEnd(), (bytes.Length * 16L) + (64 * 1024), "ReadToEnd");

        Assert.Equal(Expected(bytes), text);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(Utf8ReaderProperties)])]
    public void Reading_in_chunks_of_any_size_gives_the_same_text(byte[] bytes, PositiveInt chunk, bool peekFirst)
    {
        var size = Math.Min(chunk.Get, 4096);
        var read = Bounded.Run(() =>
        {
            using var reader = new RealtimeKitUtf8Reader(bytes);
            var text = new StringBuilder();
            var buffer = new char[size];
            while (true)
            {
                if (peekFirst && reader.Peek() is var peeked and >= 0)
                {
                    Assert.Equal(peeked, reader.Read());
                    text.Append((char)peeked);
                }

                var count = reader.Read(buffer.AsSpan());
                if (count == 0)
                {
                    Assert.Equal(-1, reader.Peek());
                    return text.ToString();
                }

                text.Append(buffer, 0, count);
            }
        }, long.MaxValue, "Read(Span)");

        Assert.Equal(Expected(bytes), read);
    }
}
