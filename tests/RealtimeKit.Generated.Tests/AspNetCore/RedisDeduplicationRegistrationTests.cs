using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealtimeKit.Generated.AspNetCore;
using RealtimeKit.Generated.AspNetCore.Redis;
using RealtimeKit.Generated.Tests.Infrastructure;
using StackExchange.Redis;

namespace RealtimeKit.Generated.Tests;

/// <summary>AddRealtimeKitWebhookRedisDeduplication: one call, a connection made on first use and closed with the container.</summary>
public sealed class RedisDeduplicationRegistrationTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [RedisFact]
    public async Task The_connection_string_overload_registers_the_redis_store_whichever_order_the_calls_come_in()
    {
        var before = new ServiceCollection().AddRealtimeKitWebhookDeduplication().AddRealtimeKitWebhookRedisDeduplication(redis.Configuration);
        var after = new ServiceCollection().AddRealtimeKitWebhookRedisDeduplication(redis.Configuration).AddRealtimeKitWebhookDeduplication(o => o.ClaimLease = TimeSpan.FromMinutes(1));

        foreach (var services in new[] { before, after })
        {
            await using var provider = services.BuildServiceProvider();
            var store = Assert.IsType<RedisRealtimeKitDeliveryStore>(provider.GetRequiredService<IRealtimeKitDeliveryStore>());
            Assert.Single(services, d => d.ServiceType == typeof(IRealtimeKitDeliveryStore));
            Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, (await store.TryClaimAsync(Guid.NewGuid().ToString(), TimeSpan.FromSeconds(5), CancellationToken.None)).Status);
        }

        await using var configured = after.BuildServiceProvider();
        Assert.Equal(TimeSpan.FromMinutes(1), configured.GetRequiredService<IOptions<RealtimeKitWebhookDeduplicationOptions>>().Value.ClaimLease);
    }

    [RedisFact]
    public async Task The_connection_is_made_on_first_use_once_and_disposed_with_the_container()
    {
        var connections = new List<IConnectionMultiplexer>();
        var services = new ServiceCollection().AddRealtimeKitWebhookRedisDeduplication(o =>
        {
            o.KeyPrefix = RedisServer.UniqueKeyPrefix();
            o.ConnectionMultiplexerFactory = async () =>
            {
                var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
                lock (connections)
                {
                    connections.Add(connection);
                }

                return connection;
            };
        });
        var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IRealtimeKitDeliveryStore>();
        Assert.Empty(connections);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.TryClaimAsync($"d{i}", TimeSpan.FromSeconds(5), CancellationToken.None).AsTask()));
        var connection = Assert.Single(connections);
        Assert.True(connection.IsConnected);

        await provider.DisposeAsync();

        Assert.False(connection.IsConnected);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.TryClaimAsync("d9", TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [RedisFact]
    public async Task An_unreachable_redis_fails_the_claim_and_the_next_claim_connects_again()
    {
        var attempts = 0;
        await using var store = new RedisRealtimeKitDeliveryStore(new RealtimeKitRedisDeliveryStoreOptions
        {
            KeyPrefix = RedisServer.UniqueKeyPrefix(),
            // First a port nothing listens on (loopback: refused at once), then the real server.
            ConnectionMultiplexerFactory = async () => await ConnectionMultiplexer.ConnectAsync(
                Interlocked.Increment(ref attempts) == 1 ? "127.0.0.1:1,connectTimeout=1000,connectRetry=0" : redis.Configuration),
        });

        await Assert.ThrowsAsync<RedisConnectionException>(async () => await store.TryClaimAsync("d1", TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal(RealtimeKitDeliveryClaimStatus.Claimed, (await store.TryClaimAsync("d1", TimeSpan.FromSeconds(5), CancellationToken.None)).Status);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void Options_without_a_connection_are_refused()
    {
        using var provider = new ServiceCollection().AddRealtimeKitWebhookRedisDeduplication(o => o.KeyPrefix = "x:").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRealtimeKitDeliveryStore>());
        Assert.Contains("Configuration or ConnectionMultiplexerFactory", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddRealtimeKitWebhookRedisDeduplication(" "));
    }
}
