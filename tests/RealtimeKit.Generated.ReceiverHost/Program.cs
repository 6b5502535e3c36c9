using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// A receiver instance for the process-fault tests: MapRealtimeKitWebhooks over the Redis delivery
// store, on a free 127.0.0.1 port. It speaks to the test on standard output, one line each:
//   listening {url}      once Kestrel is up
//   started {id} {t}     the handler began a delivery
//   handled {id} {t}     the handler finished it (written before the handler returns, so before any 200)
// where {t} is Stopwatch.GetTimestamp(): the machine's monotonic clock, the same in every process.
// Arguments: --redis {configuration} --prefix {key prefix} --public-key {PEM file}
//            --lease-ms {claim lease} [--stall {id prefix}] (deliveries whose id starts with it never finish).
var arguments = Arguments.Parse(args);
var publicKeyPem = File.ReadAllText(arguments["--public-key"]); // now: the test deletes the file once this process listens
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Services.AddRealtimeKitWebhooks(options => options.PublicKeyPem = publicKeyPem);
builder.Services.AddRealtimeKitWebhookRedisDeduplication(options =>
{
    options.Configuration = arguments["--redis"];
    options.KeyPrefix = arguments["--prefix"];
});
builder.Services.AddRealtimeKitWebhookDeduplication(options =>
{
    options.ClaimLease = TimeSpan.FromMilliseconds(int.Parse(arguments["--lease-ms"], CultureInfo.InvariantCulture));
    options.RetryAfter = TimeSpan.FromSeconds(1);
});

var stall = arguments.GetValueOrDefault("--stall");
var app = builder.Build();
app.MapRealtimeKitWebhooks("/realtimekit/webhooks", async (delivery, context) =>
{
    var id = delivery.DeliveryId!;
    Console.Out.WriteLine($"started {id} {Stopwatch.GetTimestamp()}");
    if (stall is not null && id.StartsWith(stall, StringComparison.Ordinal))
    {
        await Task.Delay(Timeout.Infinite, CancellationToken.None); // until the test kills this process
    }

    await Task.Delay(Random.Shared.Next(5, 25), CancellationToken.None);
    Console.Out.WriteLine($"handled {id} {Stopwatch.GetTimestamp()}");
});

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
Console.Out.WriteLine($"listening {new Uri(new Uri(address), "/realtimekit/webhooks")}");
await app.WaitForShutdownAsync();

internal static class Arguments
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        foreach (var required in new[] { "--redis", "--prefix", "--public-key", "--lease-ms" })
        {
            if (!values.ContainsKey(required))
            {
                throw new ArgumentException($"{required} is required.");
            }
        }

        return values;
    }
}
