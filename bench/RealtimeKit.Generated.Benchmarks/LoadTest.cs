using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// Concurrency on loopback: N callers share one registered client and issue M requests in all
/// against the sandbox; reports errors, requests per second, p50/p99 and the TCP connections
/// opened (counted at the socket as each connection is made). Bounded in count; stops by itself.
/// </summary>
internal static class LoadTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 20_000);
        var callers = Option(args, "--callers", 32);
        var connections = 0;

        await using var sandbox = RealtimeKitSandbox.Start();
        var webhook = sandbox.AddWebhook("load-account", "load-app", "load", new Uri("https://example.com/hook"), [WebhookEvent.MeetingStarted]);

        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = sandbox.ApiToken;
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWebhooksClient>();

        // One warm-up call opens the first connection and JITs the path.
        await client.GetWebhookAsync("load-account", "load-app", webhook.Id).ConfigureAwait(false);

        var latencies = new double[requests];
        var next = -1;
        var errors = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var response = await client.GetWebhookAsync("load-account", "load-app", webhook.Id).ConfigureAwait(false);
                    if (response.Data.Id != webhook.Id)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }))).ConfigureAwait(false);
        total.Stop();

        Array.Sort(latencies);
        var served = sandbox.Requests.Count - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {requests} requests, {callers} callers, {errors} errors, {requests / total.Elapsed.TotalSeconds:F0} requests/s, " +
            $"p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, " +
            $"{connections} TCP connections opened, {served} requests served by the sandbox, {total.Elapsed.TotalSeconds:F1} s"));
        return errors == 0 && served == requests ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
