using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The receiver's spans and measurements: one span per delivery, a child of ASP.NET Core's
/// request span with the handler inside it, every outcome counted, the handler's time and the
/// delivery store's claim latency measured (in memory and in Redis).
/// </summary>
[Collection(RunsAloneCollection.Name)]
public sealed class ReceiverTelemetryTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly SignedSender _sender = new();
    private readonly SignedSender _stranger = new();

    public void Dispose()
    {
        _sender.Dispose();
        _stranger.Dispose();
    }

    [Theory]
    [InlineData("memory")]
    [RedisStoreData]
    public async Task Every_delivery_is_a_span_inside_the_request_and_its_outcome_is_counted(string store)
    {
        var current = new List<Activity?>();
        await using var receiver = await Receiver.StartAsync(_sender.Pin, onDelivery: (_, _) =>
        {
            current.Add(Activity.Current);
            return Task.CompletedTask;
        }, services: s =>
        {
            if (store == "redis")
            {
                s.AddRealtimeKitWebhookRedisDeduplication(o =>
                {
                    o.Configuration = redis.Configuration;
                    o.KeyPrefix = RedisServer.UniqueKeyPrefix();
                });
            }
        });
        receiver.FailFirst = 1;
        using var recorder = new TelemetryRecorder();

        Assert.Equal(500, (await _sender.SendAsync(receiver.Url, "d-1")).Status);
        Assert.Equal(200, (await _sender.SendAsync(receiver.Url, "d-1")).Status);
        Assert.Equal((200, "duplicate"), ((await _sender.SendAsync(receiver.Url, "d-1")).Status, (await _sender.SendAsync(receiver.Url, "d-1")).Text));
        Assert.Equal(401, (await _stranger.SendAsync(receiver.Url, "d-2")).Status);

        var deliveries = recorder.Ours.Where(a => a.DisplayName.StartsWith("RealtimeKit webhook", StringComparison.Ordinal)).ToList();
        Assert.Equal(["failed", "handled", "duplicate", "duplicate", "invalid_signature"], deliveries.Select(a => a.GetTagItem("realtimekit.webhook.outcome") as string));
        foreach (var span in deliveries.Take(4))
        {
            Assert.Equal("RealtimeKit webhook meeting.started", span.DisplayName);
            Assert.Equal("meeting.started", span.GetTagItem("realtimekit.webhook.event") as string);
            Assert.Equal("d-1", span.GetTagItem("realtimekit.webhook.delivery_id") as string);
            Assert.Equal("3f1c2f0e-8c1e-4d7a-9a55-1f6f3e0b7c21", span.GetTagItem("realtimekit.webhook.webhook_id") as string);
        }

        Assert.All(deliveries, span =>
        {
            var request = Assert.Single(recorder.Activities, a => a.SpanId == span.ParentSpanId);
            Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
            Assert.Equal(ActivityKind.Server, request.Kind);
        });
        Assert.Equal([ActivityStatusCode.Error, ActivityStatusCode.Unset, ActivityStatusCode.Unset, ActivityStatusCode.Unset, ActivityStatusCode.Error], deliveries.Select(a => a.Status));
        Assert.Null(deliveries[4].GetTagItem("realtimekit.webhook.delivery_id"));

        // The handler ran inside the span of its delivery (the second one; the first attempt threw before onDelivery).
        Assert.Equal([deliveries[1].SpanId], current.Select(a => a!.SpanId));

        var counted = recorder.Of("realtimekit.webhook.deliveries").Select(m => (m.Tags["realtimekit.webhook.event"] as string, m.Tags["realtimekit.webhook.outcome"] as string, m.Value)).ToList();
        Assert.Equal(
            [("meeting.started", "failed", 1d), ("meeting.started", "handled", 1d), ("meeting.started", "duplicate", 1d), ("meeting.started", "duplicate", 1d), (null, "invalid_signature", 1d)],
            counted);
        var handler = recorder.Of("realtimekit.webhook.handler.duration");
        Assert.Equal(["failed", "handled"], handler.Select(m => m.Tags["realtimekit.webhook.outcome"] as string));
        Assert.All(handler, m => Assert.Equal("s", m.Unit));
        var claims = recorder.Of("realtimekit.webhook.delivery_store.claim.duration");
        Assert.Equal(4, claims.Count);
        Assert.All(claims, m => Assert.Equal(store == "redis" ? "RedisRealtimeKitDeliveryStore" : "InMemoryRealtimeKitDeliveryStore", m.Tags["realtimekit.webhook.store"] as string));
    }
}
