using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Redis;

namespace RealtimeKit.Generated.Tests;

/// <summary>The permits a process remembers for Redis's log: those still in their window, and no more.</summary>
public sealed class RedisOwnPermitsTests
{
    [Fact]
    public void Permits_whose_window_passed_are_dropped_as_new_ones_come_and_running_ones_are_kept()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var own = new RealtimeKitRedisOwnPermits(time, () => TimeSpan.FromSeconds(10));
        own.Started("running");
        foreach (var id in new[] { "a", "b", "c" })
        {
            own.Started(id);
            own.Ended(id);
        }

        time.Advance(TimeSpan.FromSeconds(4));
        own.Started("d");
        own.Ended("d");
        time.Advance(TimeSpan.FromSeconds(7));
        own.Started("e");

        // a, b and c ended 11 s ago: gone; d ended 7 s ago; the running one and e have no age.
        var values = own.ReplayArguments().Select(v => (string)v!).ToArray();
        var ages = Enumerable.Range(0, values.Length / 2).ToDictionary(i => values[2 * i], i => values[(2 * i) + 1]);
        Assert.Equal(new Dictionary<string, string> { ["running"] = "-1", ["d"] = "7000", ["e"] = "-1" }, ages);
    }
}
