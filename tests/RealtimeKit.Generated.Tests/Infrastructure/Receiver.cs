using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>A real Kestrel endpoint on 127.0.0.1 using MapRealtimeKitWebhooks, recording what its handler receives.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Receiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<RealtimeKitWebhookDelivery> Received { get; } = new();

    /// <summary>Calls to the handler, failed ones included.</summary>
    public int HandlerCalls => _handlerCalls;

    private int _handlerCalls;

    /// <summary>The handler throws for the first N calls.</summary>
    public int FailFirst { get; set; }

    /// <param name="configure">Sets how deliveries are verified.</param>
    /// <param name="deduplicate">Whether to call AddRealtimeKitWebhookDeduplication.</param>
    /// <param name="maxBodyBytes">The largest body accepted.</param>
    /// <param name="services">Registers more services, e.g. another delivery store or a clock.</param>
    /// <param name="onDelivery">Runs in the handler after <see cref="FailFirst"/> and before the delivery is recorded in <see cref="Received"/>.</param>
    public static async Task<Receiver> StartAsync(
        Action<RealtimeKitWebhookOptions> configure,
        bool deduplicate = true,
        int maxBodyBytes = 1024 * 1024,
        Action<IServiceCollection>? services = null,
        Func<RealtimeKitWebhookDelivery, HttpContext, Task>? onDelivery = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRealtimeKitWebhooks(options =>
        {
            options.MaxBodyBytes = maxBodyBytes;
            configure(options);
        });
        if (deduplicate)
        {
            builder.Services.AddRealtimeKitWebhookDeduplication();
        }

        services?.Invoke(builder.Services);

        var app = builder.Build();
        Receiver? receiver = null;
        app.MapRealtimeKitWebhooks("/realtimekit/webhooks", async (delivery, context) =>
        {
            var call = Interlocked.Increment(ref receiver!._handlerCalls);
            if (call <= receiver.FailFirst)
            {
                throw new InvalidOperationException($"handler failure {call}");
            }

            if (onDelivery is not null)
            {
                await onDelivery(delivery, context);
            }

            receiver.Received.Enqueue(delivery);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new Receiver(app, new Uri(new Uri(address), "/realtimekit/webhooks"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
