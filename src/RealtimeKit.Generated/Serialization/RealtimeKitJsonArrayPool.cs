using System.Buffers;
using Newtonsoft.Json;

namespace RealtimeKit.Generated;

/// <summary>Lends Newtonsoft.Json's reader its character buffers from the shared pool, so reading a response allocates less.</summary>
internal sealed class RealtimeKitJsonArrayPool : IArrayPool<char>
{
    public static readonly RealtimeKitJsonArrayPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
