using System.Text;

namespace RealtimeKit.Generated;

/// <summary>UTF-8 without a byte order mark, as JSON on the wire should be.</summary>
internal static class RealtimeKitEncoding
{
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
}
