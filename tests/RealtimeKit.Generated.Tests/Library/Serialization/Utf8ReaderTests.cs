using System.Text;

namespace RealtimeKit.Generated.Tests;

/// <summary>The reader a response body is decoded with reads what <see cref="UTF8Encoding"/> decodes, whatever the size of the reads.</summary>
public sealed class Utf8ReaderTests
{
    private const string Text = "a é 会 🎉 z 😀😀 ü";

    private static readonly UTF8Encoding _replacing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static string ReadAll(RealtimeKitUtf8Reader reader, int chunk)
    {
        var text = new StringBuilder();
        var buffer = new char[chunk];
        int read;
        while ((read = reader.Read(buffer, 0, chunk)) > 0)
        {
            Assert.InRange(read, 1, chunk);
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(1024)]
    public void Reads_characters_of_every_UTF8_length_in_reads_of_any_size(int chunk)
    {
        Assert.Equal(Text, ReadAll(new RealtimeKitUtf8Reader(Encoding.UTF8.GetBytes(Text)), chunk));
    }

    [Fact]
    public void A_leading_byte_order_mark_is_skipped_and_a_later_one_kept()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{}\uFEFF")];

        Assert.Equal("{}\uFEFF", ReadAll(new RealtimeKitUtf8Reader(bytes), 16));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 })] // a byte that never starts a character
    [InlineData(new byte[] { 0x61, 0xE4, 0xBC, 0x62 })] // a 3-byte character cut short inside the text
    [InlineData(new byte[] { 0x61, 0xF0, 0x9F, 0x8E })] // a 4-byte character cut short at the end
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong encoding
    [InlineData(new byte[] { 0xF0, 0x9F, 0x8E, 0x89, 0xFF })] // a bad byte right after a surrogate pair
    public void Malformed_bytes_read_as_the_API_encoding_decodes_them(byte[] bytes)
    {
        var expected = _replacing.GetString(bytes);

        Assert.Contains('\uFFFD', expected);
        Assert.Equal(expected, ReadAll(new RealtimeKitUtf8Reader(bytes), 1));
        Assert.Equal(expected, ReadAll(new RealtimeKitUtf8Reader(bytes), 64));
    }

    [Fact]
    public void Peek_shows_the_next_character_without_taking_it_and_Read_takes_one_at_a_time()
    {
        using var reader = new RealtimeKitUtf8Reader(Encoding.UTF8.GetBytes("é🎉"));

        Assert.Equal('é', reader.Peek());
        Assert.Equal('é', reader.Read());
        Assert.Equal(0xD83C, reader.Peek());
        Assert.Equal(0xD83C, reader.Read());
        Assert.Equal(0xDF89, reader.Peek());
        Assert.Equal(0xDF89, reader.Read());
        Assert.Equal(-1, reader.Peek());
        Assert.Equal(-1, reader.Read());
    }

    [Fact]
    public void ReadBlock_fills_the_buffer_even_when_that_splits_a_pair_and_Peek_then_shows_its_second_half()
    {
        using var reader = new RealtimeKitUtf8Reader(Encoding.UTF8.GetBytes("a🎉b"));
        var block = new char[2];

        Assert.Equal(2, reader.ReadBlock(block.AsSpan()));
        Assert.Equal(['a', '\uD83C'], block);
        Assert.Equal(0xDF89, reader.Peek());
        Assert.Equal("\uDF89b", reader.ReadToEnd());
    }

    [Fact]
    public void ReadToEnd_returns_the_rest_including_half_a_pair_already_split()
    {
        using var reader = new RealtimeKitUtf8Reader(Encoding.UTF8.GetBytes("🎉 rest"));

        Assert.Equal(0xD83C, reader.Read());
        Assert.Equal("\uDF89 rest", reader.ReadToEnd());
        Assert.Equal(-1, reader.Read());
    }
}
