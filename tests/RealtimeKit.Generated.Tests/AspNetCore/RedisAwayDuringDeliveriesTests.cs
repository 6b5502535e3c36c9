using System.Diagnostics;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Redis killed (SIGKILL) and started again while deliveries come to three receiver processes, and
/// Redis away for a while. The store's guarantee: a delivery is never acknowledged before its
/// handler finished, and is handled exactly once while Redis keeps what it acknowledged (here: an
/// append-only file written before each answer); while Redis is away every delivery is answered
/// 503 with Retry-After, and none is handled.
/// </summary>
public sealed class RedisAwayDuringDeliveriesTests(DurableRedisServer redis) : IClassFixture<DurableRedisServer>
{
    private static readonly TimeSpan _lease = TimeSpan.FromSeconds(3);

    [RedisFact]
    public async Task A_redis_restart_during_deliveries_loses_none_and_handles_none_twice()
    {
        await using var run = new ReceiverProcessFaults(redis);
        var instances = new[] { await run.StartAsync("A", _lease), await run.StartAsync("B", _lease), await run.StartAsync("C", _lease) };
        await run.WarmUpAsync();

        var ids = Enumerable.Range(0, 40).Select(i => $"restart-{i:D2}-{Guid.NewGuid():N}").ToArray();
        var delivering = Task.WhenAll(ids.Select(async (id, i) =>
        {
            await Task.Delay(i * 40); // over 1.6 s; Redis dies at 0.6 s and is back about 0.5 s later
            return await run.DeliverAsync(id, instances);
        }));
        await Task.Delay(600);
        await redis.KillAsync();
        await Task.Delay(500);
        await redis.StartAgainAsync();
        var answers = await delivering;

        Assert.All(answers, answer => Assert.Equal(200, answer.Status));
        var handled = run.HandledCounts(ids);
        Assert.All(ids, id => Assert.True(handled.GetValueOrDefault(id) == 1, $"{id} was handled {handled.GetValueOrDefault(id)} times"));
        run.AssertOnlyOkOrRetryLater();
        run.AssertNothingAcknowledgedUnhandled();

        var late = await Task.WhenAll(ids.Select((id, i) => run.Sender.SendAsync(instances[i % 3].Url, id)));
        Assert.All(late, answer => Assert.Equal((200, "duplicate"), (answer.Status, answer.Text)));
    }

    [RedisFact]
    public async Task While_redis_is_down_every_delivery_is_answered_503_with_retry_after_and_none_is_handled()
    {
        await using var run = new ReceiverProcessFaults(redis);
        var instances = new[] { await run.StartAsync("A", _lease), await run.StartAsync("B", _lease) };
        await run.WarmUpAsync();

        await redis.KillAsync();
        var ids = Enumerable.Range(0, 6).Select(i => $"down-{i}-{Guid.NewGuid():N}").ToArray();
        var whileDown = await Task.WhenAll(ids.Select((id, i) => run.Sender.SendAsync(instances[i % 2].Url, id)));
        var downEnded = Stopwatch.GetTimestamp();

        Assert.All(whileDown, answer => Assert.Equal((503, "delivery store unavailable", TimeSpan.FromSeconds(1)), (answer.Status, answer.Text, answer.RetryAfter)));
        Assert.Empty(run.HandledCounts(ids));
        Assert.DoesNotContain(instances.SelectMany(i => i.Lines), l => ids.Any(id => l.Line == $"started {id}"));

        await redis.StartAgainAsync();
        var after = await Task.WhenAll(ids.Select(id => run.DeliverAsync(id, instances)));

        Assert.All(after, answer => Assert.Equal((200, "ok"), (answer.Status, answer.Text)));
        var handled = run.HandledCounts(ids);
        Assert.All(ids, id => Assert.True(handled.GetValueOrDefault(id) == 1, $"{id} was handled {handled.GetValueOrDefault(id)} times"));
        Assert.All(instances.SelectMany(i => i.Lines).Where(l => ids.Any(id => l.Line.EndsWith(id, StringComparison.Ordinal))), l => Assert.True(l.At > downEnded));
        run.AssertOnlyOkOrRetryLater();
    }
}
