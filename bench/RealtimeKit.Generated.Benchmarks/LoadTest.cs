using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// Concurrency on loopback: N callers share one client and issue M requests in all against the
/// sandbox (by default 32 callers and 20,000 requests each), through the library as
/// <c>AddRealtimeKit</c> registers it, a hand-written HttpClient + Newtonsoft.Json client, and the
/// Kiota and NSwag-default peers, in turns (in an order that flips each round) for the given number
/// of rounds after one warm-up round each. Reports errors, requests
/// per second, p50/p99 and the TCP connections each opened (counted at the socket as each
/// connection is made), and each one's requests/s against the hand-written client's over all
/// rounds and in the median round. Bounded in count; stops by itself.
/// </summary>
internal static class LoadTest
{
    private const string Account = "load-account";
    private const string App = "load-app";

    public static async Task<int> RunAsync(string[] args)
    {
        var callers = BenchArguments.Int(args, "--callers", 32);
        var requests = BenchArguments.Int(args, "--requests", callers * 20_000);
        var rounds = BenchArguments.Int(args, "--rounds", 3);

        var served = new Counter();
        await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { MaxRecordedRequests = 0, OnRequest = _ => served.Increment() });
        var webhook = sandbox.AddWebhook(Account, App, "load", new Uri("https://example.com/hook"), [WebhookEvent.MeetingStarted]);

        var libraryConnections = new Counter();
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = sandbox.ApiToken;
            Contest.NeverWait(options.RateLimit);
        }).ConfigurePrimaryHttpMessageHandler(() => CountingHandler(libraryConnections));
        await using var provider = services.BuildServiceProvider();
        var library = provider.GetRequiredService<IWebhooksClient>();

        var handWrittenConnections = new Counter();
        using var handWrittenHandler = CountingHandler(handWrittenConnections);
        var handWritten = new HandWrittenNewtonsoft(handWrittenHandler, sandbox.BaseAddress, sandbox.ApiToken);
        var path = $"accounts/{Account}/realtime/kit/{App}/webhooks/{webhook.Id:D}";

        var kiotaConnections = new Counter();
        using var kiotaHandler = CountingHandler(kiotaConnections);
        var kiota = Peers.Kiota(kiotaHandler, sandbox.BaseAddress, sandbox.ApiToken);
        var nswagConnections = new Counter();
        using var nswagHandler = CountingHandler(nswagConnections);
        var nswag = Peers.NSwag(nswagHandler, sandbox.BaseAddress, sandbox.ApiToken);

        var contestants = new (string Name, Counter Connections, Func<Task<Guid>> Call)[]
        {
            ("hand-written", handWrittenConnections, async () => (await handWritten.SendAsync(HttpMethod.Get, path, null).ConfigureAwait(false)).Data.Id),
            ("library", libraryConnections, async () => (await library.GetWebhookAsync(Account, App, webhook.Id).ConfigureAwait(false)).Data.Id),
            ("kiota", kiotaConnections, async () => (await kiota.Accounts[Account].Realtime.Kit[App].Webhooks[webhook.Id].GetAsync().ConfigureAwait(false))!.Data!.Id!.Value),
            ("nswag-default", nswagConnections, async () => (await nswag.GetWebhookAsync(Account, App, webhook.Id).ConfigureAwait(false)).Data.Id),
        };

        // A warm-up round each (at most 20,000 requests) opens the connections and lets the JIT,
        // the thread pool and the sandbox settle before anything is counted.
        foreach (var contestant in contestants)
        {
            await RunRoundAsync(Math.Min(requests, 20_000), callers, webhook.Id, contestant.Call).ConfigureAwait(false);
        }

        var failed = false;
        var totals = contestants.ToDictionary(c => c.Name, _ => (Requests: 0, Seconds: 0.0));
        var ratios = contestants.ToDictionary(c => c.Name, _ => new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            // The order alternates, so that no contestant always runs on a machine another warmed.
            var seconds = new Dictionary<string, double>();
            foreach (var (name, connections, call) in round % 2 == 1 ? contestants : contestants.Reverse())
            {
                var servedBefore = served.Value;
                var result = await RunRoundAsync(requests, callers, webhook.Id, call).ConfigureAwait(false);
                var servedInRound = served.Value - servedBefore;
                failed |= result.Errors != 0 || servedInRound != requests;
                totals[name] = (totals[name].Requests + requests, totals[name].Seconds + result.Seconds);
                seconds[name] = result.Seconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"load, round {round}, {name,-13}: {requests} requests, {callers} callers, {result.Errors} errors, {requests / result.Seconds:F0} requests/s, " +
                    $"p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, {connections.Value} TCP connections opened so far, {servedInRound} requests served by the sandbox, {result.Seconds:F1} s"));
            }

            foreach (var (name, _, _) in contestants)
            {
                ratios[name].Add(seconds["hand-written"] / seconds[name]);
            }
        }

        double Rate(string name) => totals[name].Requests / totals[name].Seconds;
        foreach (var (name, _, _) in contestants.Skip(1))
        {
            var sorted = ratios[name].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load: {name} {Rate(name):F0} requests/s, hand-written {Rate("hand-written"):F0} requests/s, {name} / hand-written = {Rate(name) / Rate("hand-written"):F2}× over all rounds, " +
                $"{sorted[sorted.Count / 2]:F2}× the median round (rounds {string.Join(", ", ratios[name].Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))})"));
        }
        return failed ? 1 : 0;
    }

    private static async Task<(int Errors, double Seconds, double P50, double P99)> RunRoundAsync(int requests, int callers, Guid expected, Func<Task<Guid>> call)
    {
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
                    if (await call().ConfigureAwait(false) != expected)
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
        return (errors, total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static SocketsHttpHandler CountingHandler(Counter connections) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            connections.Increment();
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
    };

    /// <summary>The <paramref name="p"/> quantile of <paramref name="sorted"/> (nearest rank); NaN when it is empty.</summary>
    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
