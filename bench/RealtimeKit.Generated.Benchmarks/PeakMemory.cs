using System.Diagnostics;
using System.Globalization;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// Peak memory of reading the list of 10,000 webhooks: each contestant runs in a process of its
/// own over the same in-memory API, warms up on a list of one (its code loaded and compiled),
/// then reads the list of 10,000 three times; it reports how far its peak working set rose above
/// its warmed-up working set, and the peak itself.
/// </summary>
internal static class PeakMemory
{
    private const int Webhooks = 10_000;

    private static readonly string[] _contestants = ["HandWrittenNewtonsoft", "HandWrittenPolly", "Library", "SystemTextJsonSourceGen", "Kiota", "NSwagDefault", "TransportOnly"];

    public static async Task<int> RunAsync()
    {
        foreach (var contestant in _contestants)
        {
            var (warm, peak) = await MeasureInChildAsync(contestant).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak, list of {Webhooks}, {contestant,-24}: peak working set {peak / 1048576.0:F1} MiB, {(peak - warm) / 1048576.0:F1} MiB above its warmed-up {warm / 1048576.0:F1} MiB"));
        }

        return 0;
    }

    /// <summary>In the child: warm up, read the list three times with <paramref name="contestant"/>, print the warmed-up and the peak working set.</summary>
    public static async Task<int> RunChildAsync(string contestant)
    {
        var big = ExampleBodies.List(Webhooks);
        var api = new InMemoryApi(ExampleBodies.List(1));
        Func<Task<int>> read = contestant switch
        {
            "HandWrittenNewtonsoft" => ReadWith(new HandWrittenNewtonsoft(api)),
            "HandWrittenPolly" => ReadWith(new HandWrittenPolly(api)),
            "Library" => ReadWith(Library.Create(api).Client),
            "SystemTextJsonSourceGen" => ReadWith(new SystemTextJsonSourceGenerated(api)),
            "Kiota" => ReadWith(Peers.Kiota(api)),
            "NSwagDefault" => ReadWith(Peers.NSwag(api)),
            "TransportOnly" => ReadWith(new TransportOnly(api)),
            _ => throw new ArgumentException($"unknown contestant {contestant}", nameof(contestant)),
        };

        for (var i = 0; i < 50; i++)
        {
            await read().ConfigureAwait(false);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var warm = process.WorkingSet64;

        api.Body = big;
        var count = 0;
        for (var i = 0; i < 3; i++)
        {
            count = await read().ConfigureAwait(false);
        }

        if (count != Webhooks)
        {
            Console.Error.WriteLine($"{contestant} read {count} webhooks, not {Webhooks}");
            return 1;
        }

        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{warm} {process.PeakWorkingSet64}"));
        return 0;
    }

    private static Func<Task<int>> ReadWith(HandWrittenNewtonsoft client) =>
        async () => (await client.SendAsync<NsEnvelope<List<NsWebhook>>>(HttpMethod.Get, Contest.Collection, null).ConfigureAwait(false)).Data.Count;

    private static Func<Task<int>> ReadWith(HandWrittenPolly client) =>
        async () => (await client.SendAsync<NsEnvelope<List<NsWebhook>>>(HttpMethod.Get, Contest.Collection, null).ConfigureAwait(false)).Data.Count;

    private static Func<Task<int>> ReadWith(IWebhooksClient client) =>
        async () => (await client.ListWebhooksAsync(Contest.Account, Contest.App).ConfigureAwait(false)).Data.Count;

    private static Func<Task<int>> ReadWith(SystemTextJsonSourceGenerated client) =>
        async () => (await client.SendAsync(HttpMethod.Get, Contest.Collection, null, StjContext.Default.StjListEnvelope).ConfigureAwait(false)).Data.Count;

    private static Func<Task<int>> ReadWith(RealtimeKit.Peers.Kiota.KiotaRealtimeKitClient client) =>
        async () => (await client.Accounts[Contest.Account].Realtime.Kit[Contest.App].Webhooks.GetAsync().ConfigureAwait(false))!.Data!.Count;

    private static Func<Task<int>> ReadWith(RealtimeKit.Peers.NSwagDefault.Client client) =>
        async () => (await client.ListWebhooksAsync(Contest.Account, Contest.App).ConfigureAwait(false)).Data.Count;

    /// <summary>The transport floor reads the bytes only; the count it reports is the one expected once the whole body has arrived.</summary>
    private static Func<Task<int>> ReadWith(TransportOnly client) =>
        async () => await client.SendAsync(HttpMethod.Get, Contest.Collection, null).ConfigureAwait(false) > 0 ? Webhooks : 0;

    private static async Task<(long Warm, long Peak)> MeasureInChildAsync(string contestant)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
        }

        start.ArgumentList.Add("--peak-child");
        start.ArgumentList.Add(contestant);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the child did not start");
        var output = await child.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await child.WaitForExitAsync().ConfigureAwait(false);
        var figures = output.Trim().Split(' ');
        return child.ExitCode == 0 && figures.Length == 2 && long.TryParse(figures[0], CultureInfo.InvariantCulture, out var warm) && long.TryParse(figures[1], CultureInfo.InvariantCulture, out var peak)
            ? (warm, peak)
            : throw new InvalidOperationException($"{contestant}: the child exited {child.ExitCode}: {output}");
    }
}
