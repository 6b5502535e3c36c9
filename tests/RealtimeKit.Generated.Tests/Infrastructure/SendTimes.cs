using System.Collections.Concurrent;
using System.Diagnostics;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// Notes the moment each attempt leaves the process (add it innermost of the handlers). Handlers
/// of several providers (replicas) may share one <paramref name="log"/>.
/// </summary>
internal sealed class SendTimes(ConcurrentQueue<long>? log = null) : DelegatingHandler
{
    private readonly ConcurrentQueue<long> _times = log ?? new();

    /// <summary>The <see cref="Stopwatch"/> timestamps of the attempts, in the order they were noted.</summary>
    public IEnumerable<long> Times => _times;

    /// <summary>Fails when any window of length <paramref name="window"/> holds more than <paramref name="permits"/> of <paramref name="stamps"/>, listing them all.</summary>
    public static void AssertNoWindowHoldsMore(IEnumerable<long> stamps, int permits, TimeSpan window)
    {
        var times = stamps.Order().ToArray();
        var length = (long)(window.TotalSeconds * Stopwatch.Frequency);
        for (var first = 0; first < times.Length; first++)
        {
            var inWindow = times.Skip(first).TakeWhile(t => t - times[first] < length).Count();
            Assert.True(inWindow <= permits, $"{inWindow} requests were sent within {window.TotalMilliseconds} ms of request {first}: {string.Join(" ", times.Select(t => (t - times[0]) * 1000 / Stopwatch.Frequency))}");
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _times.Enqueue(Stopwatch.GetTimestamp());
        return base.SendAsync(request, cancellationToken);
    }
}
