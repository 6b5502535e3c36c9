using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Three receiver instances (three Kestrel apps) sharing one Redis: every delivery is sent as
/// several concurrent copies to different instances, retried on 5xx and network errors as
/// RealtimeKit does, with some first attempts given up on while the handler runs; each delivery
/// must be handled exactly once across the instances.
/// </summary>
public sealed class MultiInstanceDeduplicationTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const int Deliveries = 24;
    private const int CopiesPerDelivery = 3;

    [RedisFact]
    public async Task Each_delivery_is_handled_exactly_once_across_three_instances_sharing_redis()
    {
        using var sender = new SignedSender();
        var prefix = RedisServer.UniqueKeyPrefix();
        var ids = Enumerable.Range(0, Deliveries).Select(i => $"delivery-{i:D2}-{Guid.NewGuid():N}").ToArray();
        // Half of the handlers stop when their request is aborted (and release the claim), half finish anyway (and complete it).
        var watchesAbort = new ConcurrentDictionary<string, bool>(ids.Select((id, i) => KeyValuePair.Create(id, i % 2 == 0)));

        var instances = new List<Receiver>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                instances.Add(await Receiver.StartAsync(sender.Pin, services: s => s.AddRealtimeKitWebhookRedisDeduplication(o =>
                {
                    o.Configuration = redis.Configuration;
                    o.KeyPrefix = prefix;
                }), onDelivery: async (delivery, context) =>
                {
                    var work = TimeSpan.FromMilliseconds(Random.Shared.Next(20, 80));
                    await Task.Delay(work, watchesAbort[delivery.DeliveryId!] ? context.RequestAborted : CancellationToken.None);
                }));
            }

            // Instances are up before deliveries come: each has connected to Redis (it does so on first use).
            foreach (var (instance, i) in instances.Select((instance, i) => (instance, i)))
            {
                var warmUp = $"warm-up-{i}-{Guid.NewGuid():N}";
                watchesAbort[warmUp] = false;
                Assert.Equal(200, (await sender.SendAsync(instance.Url, warmUp)).Status);
            }

            var answers = new ConcurrentBag<(string Id, int Status, string Text)>();
            var abandoned = 0;

            // One sender loop per copy, as RealtimeKit retries one delivery: until a 2xx (or 4xx) answer.
            async Task SendCopyAsync(int delivery, int copy)
            {
                var id = ids[delivery];
                // Deliveries spread over a moment; the first copy leads, the others follow within a handler's run.
                await Task.Delay((delivery * 15) + (copy == 0 ? 0 : Random.Shared.Next(5, 40)));
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 200, $"{id} copy {copy}: not delivered after 200 attempts");
                    var instance = instances[(delivery + copy + attempt) % instances.Count];
                    using var giveUp = new CancellationTokenSource();
                    if (attempt == 0 && copy == 0 && delivery % 3 == 0)
                    {
                        giveUp.CancelAfter(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40)));
                    }

                    try
                    {
                        var answer = await sender.SendAsync(instance.Url, id, giveUp.Token);
                        answers.Add((id, answer.Status, answer.Text));
                        if (answer.Status < 500)
                        {
                            return;
                        }
                    }
                    catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref abandoned);
                    }

                    await Task.Delay(Random.Shared.Next(10, 30)); // RealtimeKit's own schedule; Retry-After (30 s) is advice
                }
            }

            await Task.WhenAll(
                from delivery in Enumerable.Range(0, Deliveries)
                from copy in Enumerable.Range(0, CopiesPerDelivery)
                select Task.Run(() => SendCopyAsync(delivery, copy)));

            // Late copies, after everything settled: duplicates wherever they land.
            var late = await Task.WhenAll(ids.Select((id, i) => sender.SendAsync(instances[i % instances.Count].Url, id)));

            var handled = instances.SelectMany(r => r.Received).Where(d => ids.Contains(d.DeliveryId)).GroupBy(d => d.DeliveryId!).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(ids.Order(), handled.Keys.Order());
            Assert.All(handled, pair => Assert.True(pair.Value == 1, $"{pair.Key} was handled {pair.Value} times"));
            Assert.All(late, answer => Assert.Equal((200, "duplicate"), (answer.Status, answer.Text)));
            Assert.All(answers.Where(a => a.Status < 500), a => Assert.Equal(200, a.Status));
            Assert.All(ids, id => Assert.Contains(answers, a => a.Id == id && a.Status == 200));
            Assert.True(answers.Count(a => a.Text == "ok") <= Deliveries);

            // The run went through the paths it is meant to: copies meeting a running handler, duplicates, abandoned attempts.
            Assert.Contains(answers, a => a.Status == 503 && a.Text == "in progress");
            Assert.Contains(answers, a => a.Status == 200 && a.Text == "duplicate");
            Assert.True(abandoned > 0, "no attempt was given up on");
            Assert.True(instances.All(r => r.HandlerCalls > 0), "an instance handled nothing: " + string.Join(",", instances.Select(r => r.HandlerCalls)) + " answers " + string.Join(",", answers.GroupBy(a => (a.Status, a.Text)).Select(g => $"{g.Key}={g.Count()}")));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }
}
