using System.Diagnostics;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Redis without persistence killed and started again during deliveries: it forgets every record.
/// The guarantee then is at least once: nothing lost, nothing acknowledged before its handler
/// finished, and a delivery handled twice only when its record was lost (made before the loss, or
/// not made because Redis was away when its handler finished) and the service sent it again.
/// </summary>
public sealed class RedisDataLostDuringDeliveriesTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan _lease = TimeSpan.FromSeconds(3);

    [RedisFact]
    public async Task A_redis_that_forgets_on_restart_loses_no_delivery_and_repeats_only_those_recorded_before()
    {
        await using var run = new ReceiverProcessFaults(redis);
        var instances = new[] { await run.StartAsync("A", _lease), await run.StartAsync("B", _lease), await run.StartAsync("C", _lease) };
        await run.WarmUpAsync();

        var ids = Enumerable.Range(0, 40).Select(i => $"forget-{i:D2}-{Guid.NewGuid():N}").ToArray();
        var delivering = Task.WhenAll(ids.Select(async (id, i) =>
        {
            await Task.Delay(i * 40);
            return await run.DeliverAsync(id, instances);
        }));
        await Task.Delay(600);
        var lost = Stopwatch.GetTimestamp();
        await redis.KillAsync();
        await Task.Delay(500);
        await redis.StartAgainAsync();
        var back = Stopwatch.GetTimestamp();
        var answers = await delivering;

        Assert.All(answers, answer => Assert.Equal(200, answer.Status));
        run.AssertOnlyOkOrRetryLater();
        run.AssertNothingAcknowledgedUnhandled();
        var handled = run.HandledCounts(ids);
        Assert.All(ids, id => Assert.True(handled.GetValueOrDefault(id) == 1, $"{id} was handled {handled.GetValueOrDefault(id)} times before the late copies"));

        // Every delivery again, as a service that never saw its 200s would send it.
        var late = await Task.WhenAll(ids.Select((id, i) => run.DeliverAsync(id, [instances[i % 3]])));
        Assert.All(late, answer => Assert.Equal(200, answer.Status));
        var handledBefore = ids.ToDictionary(id => id, id => run.Instances.SelectMany(i => i.Lines).Where(l => l.Line == $"handled {id}").Min(l => l.At));
        foreach (var id in ids)
        {
            var times = run.HandledCounts([id]).GetValueOrDefault(id);
            if (handledBefore[id] > back)
            {
                Assert.True(times == 1, $"{id}, handled after Redis came back, was handled {times} times");
            }
            else
            {
                Assert.InRange(times, 1, 2); // its record was lost with Redis's memory, or could not be written while Redis was away
            }
        }

        Assert.Contains(ids, id => handledBefore[id] < lost && run.HandledCounts([id])[id] == 2); // the loss is real: the test would see a store that kept records
    }
}
