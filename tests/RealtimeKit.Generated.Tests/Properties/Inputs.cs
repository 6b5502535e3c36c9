using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace RealtimeKit.Generated.Tests.Properties;

/// <summary>
/// Inputs nobody picked: random bytes and text, and well-formed samples broken the ways a network
/// breaks them (cut off, bits flipped, bytes inserted, a part repeated, nested deep, made huge).
/// FsCheck prints the seed of a failing case (<c>Replay</c>), so every failure can be run again.
/// </summary>
internal static class Inputs
{
    /// <summary>The largest input a property builds (a "huge" mutation stops here).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Bytes that break readers in particular ways: invalid UTF-8, surrogates, BOMs, JSON's own syntax.</summary>
    private static readonly byte[][] _fragments =
    [
        [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x00],
        .. new[] { "\"", "\\", "\\u", "\\uD800", "{", "}", "[", "]", ":", ",", "null", "true", "1e999999", "-0", "NaN", "\"\\uDFFF\"", "/*", "//", "\r\n", "'", "<html>" }.Select(Encoding.UTF8.GetBytes),
    ];

    public static Gen<byte[]> AnyBytes { get; } = ArbMap.Default.GeneratorFor<byte[]>();

    /// <summary>Random bytes, or a sample broken by one to three mutations.</summary>
    public static Gen<byte[]> BrokenFrom(params string[] samples) => BrokenFrom(samples.Select(Encoding.UTF8.GetBytes).ToArray());

    public static Gen<byte[]> BrokenFrom(byte[][] samples)
    {
        var sample = Gen.Elements(samples);
        var mutated = from start in sample
                      from count in Gen.Choose(1, 3)
                      from steps in Gen.ListOf(Mutation, count)
                      select steps.Aggregate(start, (bytes, step) => step(bytes));
        return Gen.Frequency((1, AnyBytes), (1, sample), (6, mutated));
    }

    /// <summary>One way a body arrives broken.</summary>
    private static Gen<Func<byte[], byte[]>> Mutation { get; } = Gen.OneOf(
        // cut off
        from at in Gen.Choose(0, 10_000) select (Func<byte[], byte[]>)(b => b[..(b.Length == 0 ? 0 : at % b.Length)]),
        // bits flipped
        from at in Gen.Choose(0, 10_000) from bit in Gen.Choose(0, 7) select (Func<byte[], byte[]>)(b => Flip(b, at, bit)),
        // bytes inserted: anything, or what makes JSON deep or invalid UTF-8
        from at in Gen.Choose(0, 10_000) from inserted in Gen.OneOf(AnyBytes, Gen.Elements(_fragments)) select (Func<byte[], byte[]>)(b => Insert(b, at, inserted)),
        // a part repeated
        from at in Gen.Choose(0, 10_000) from length in Gen.Choose(1, 64) from times in Gen.Choose(2, 50) select (Func<byte[], byte[]>)(b => Repeat(b, at, length, times)),
        // nested deep
        from depth in Gen.Choose(10, 5_000) from open in Gen.Elements("[", "{\"a\":", "\"") select (Func<byte[], byte[]>)(b => Nest(b, open, depth)),
        // huge: the whole body many times over, up to MaxBytes
        from times in Gen.Choose(2, 20_000) select (Func<byte[], byte[]>)(b => Huge(b, times)));

    private static byte[] Flip(byte[] bytes, int at, int bit)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[at % copy.Length] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted)
    {
        var position = bytes.Length == 0 ? 0 : at % (bytes.Length + 1);
        return [.. bytes.AsSpan(0, position), .. inserted, .. bytes.AsSpan(position)];
    }

    private static byte[] Repeat(byte[] bytes, int at, int length, int times)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var start = at % bytes.Length;
        var part = bytes.AsSpan(start, Math.Min(length, bytes.Length - start)).ToArray();
        return [.. bytes.AsSpan(0, start), .. Enumerable.Repeat(part, times).SelectMany(p => p), .. bytes.AsSpan(start)];
    }

    private static byte[] Nest(byte[] bytes, string open, int depth) =>
        [.. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))), .. bytes];

    private static byte[] Huge(byte[] bytes, int times)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        times = Math.Min(times, MaxBytes / bytes.Length);
        var huge = new byte[bytes.Length * times];
        for (var i = 0; i < times; i++)
        {
            bytes.CopyTo(huge, i * bytes.Length);
        }

        return huge;
    }
}

/// <summary>Runs one case under a time limit and an allocation limit, so that a hang or a runaway fails the property instead of the run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="read"/> on a thread of its own; fails when it runs over <see cref="TimeLimit"/> or allocates more than <paramref name="maxBytes"/>.</summary>
    public static T Run<T>(Func<T> read, long maxBytes, string what)
    {
        long allocated = 0;
        var task = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = read();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return result;
        });
        var stopwatch = Stopwatch.StartNew();
        if (Task.WhenAny(task, Task.Delay(TimeLimit)).GetAwaiter().GetResult() != task)
        {
            throw new TimeoutException($"{what} did not return within {TimeLimit.TotalSeconds} s");
        }

        var result = task.GetAwaiter().GetResult();
        if (allocated > maxBytes)
        {
            throw new InvalidOperationException($"{what} allocated {allocated:N0} bytes; the bound is {maxBytes:N0} (in {stopwatch.ElapsedMilliseconds} ms)");
        }

        return result;
    }

    public static async Task<T> RunAsync<T>(Func<Task<T>> read, string what)
    {
        var task = Task.Run(read);
        if (await Task.WhenAny(task, Task.Delay(TimeLimit)) != task)
        {
            throw new TimeoutException($"{what} did not return within {TimeLimit.TotalSeconds} s");
        }

        return await task;
    }
}
