using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Redis;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// Issue 25's figures: <c>--attendees</c> participants (2,000) added to one meeting by
/// <c>--replicas</c> service providers (3), each standing for a replica on the same token, each
/// adding its share with <c>AddParticipantsAsync</c>, against a sandbox that enforces
/// <c>--limit</c> (100/10s) per token the way Cloudflare does (a 429 for the rest of the window
/// once it is exceeded). <c>--mode</c>: <c>redis</c> (one budget in Redis at <c>--redis</c>,
/// configured to the limit), <c>local</c> (each replica its own budget of the limit) or
/// <c>none</c> (no budget). <c>--drops N</c> drops the connection after the sandbox made the add,
/// N times. Reports the 429s met, the time the token was blocked, each attendee's count in the
/// meeting, and the throughput as a fraction of the limit. Counted at the sandbox.
/// </summary>
internal static class BulkAddRun
{
    private const string Account = "bulk-account";
    private const string App = "bulk-app";

    public static async Task<int> RunAsync(string[] args)
    {
        var attendees = BenchArguments.Int(args, "--attendees", 2000);
        var replicas = BenchArguments.Int(args, "--replicas", 3);
        var limit = RealtimeKitSandboxRateLimit.Parse(BenchArguments.Text(args, "--limit", "100/10s"));
        var mode = BenchArguments.Text(args, "--mode", "redis");
        var redis = BenchArguments.Text(args, "--redis", "127.0.0.1:6379");
        var drops = BenchArguments.Int(args, "--drops", 0);
        if (mode is not ("redis" or "local" or "none"))
        {
            Console.Error.WriteLine($"--mode must be redis, local or none; it is '{mode}'.");
            return 2;
        }

        var arrivals = new List<(long At, int Status, string? Operation)>();
        await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions
        {
            RateLimit = limit,
            MaxRecordedRequests = 0,
            OnRequest = r =>
            {
                lock (arrivals)
                {
                    arrivals.Add((Stopwatch.GetTimestamp(), r.StatusCode, r.OperationId));
                }
            },
        });

        await using var setup = Provider(sandbox, budget: null);
        var meetings = setup.GetRequiredService<IMeetingsClient>();
        var meetingId = (await meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Webinar" })).Data!.Id;
        await Task.Delay(limit.Window + TimeSpan.FromMilliseconds(200)); // the setup's window ends
        if (drops > 0)
        {
            sandbox.InjectFault(RealtimeKitSandboxFault.DroppedConnection(afterHandling: true), times: drops, operationId: "addParticipant");
        }

        var keyPrefix = $"bench:{Guid.NewGuid():N}:"; // one budget for every replica, none left from an earlier run
        var providers = Enumerable.Range(0, replicas).Select(_ => Provider(sandbox, mode == "none" ? null : limit, mode == "redis" ? redis : null, keyPrefix)).ToList();
        lock (arrivals)
        {
            arrivals.Clear();
        }

        var started = Stopwatch.GetTimestamp();
        var shares = Enumerable.Range(0, replicas).Select(r => Enumerable.Range(0, attendees).Where(i => i % replicas == r)
            .Select(i => new AddParticipantRequest { CustomParticipantId = $"attendee-{i:D5}@example.com", PresetName = "webinar_viewer", Name = $"Attendee {i}" }).ToList()).ToList();
        var outcomes = await Task.WhenAll(providers.Select(async (provider, r) =>
        {
            var (added, failed, recovered) = (0, 0, 0);
            await foreach (var result in provider.GetRequiredService<IMeetingsClient>().AddParticipantsAsync(Account, App, meetingId, shares[r]))
            {
                added += result.Succeeded ? 1 : 0;
                failed += result.Succeeded ? 0 : 1;
                recovered += result.Recovered ? 1 : 0;
            }

            return (added, failed, recovered);
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        List<(long At, int Status, string? Operation)> seen;
        lock (arrivals)
        {
            seen = [.. arrivals];
        }

        // How often each attendee is in the meeting, read after the token's window is over.
        await Task.Delay(limit.Window + TimeSpan.FromMilliseconds(200));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var participant in meetings.EnumerateParticipantsAsync(Account, App, meetingId, perPage: 100))
        {
            counts[participant.CustomParticipantId] = counts.GetValueOrDefault(participant.CustomParticipantId) + 1;
        }

        var accepted = seen.Count(a => a.Status is not 429);
        var limited = seen.Count(a => a.Status == 429);
        var perSecond = limit.Permits / limit.Window.TotalSeconds;
        var missing = shares.SelectMany(s => s).Count(a => !counts.ContainsKey(a.CustomParticipantId));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode={mode} replicas={replicas} attendees={attendees} limit={limit.Permits}/{limit.Window.TotalSeconds}s drops={drops}: " +
            $"{elapsed.TotalSeconds:0.0} s, requests {seen.Count} ({seen.Count(a => a.Operation == "addParticipant")} adds), 429s {limited}, token blocked {Blocked(seen).TotalSeconds:0.0} s, " +
            $"added {outcomes.Sum(o => o.added)} failed {outcomes.Sum(o => o.failed)} recovered {outcomes.Sum(o => o.recovered)}, " +
            $"in meeting {counts.Count} distinct / {counts.Values.Sum()} participants, missing {missing}, twice or more {counts.Values.Count(c => c > 1)}, " +
            $"throughput {accepted / elapsed.TotalSeconds:0.00}/s = {accepted / elapsed.TotalSeconds / perSecond:0.00} of the limit's {perSecond:0.##}/s"));
        return missing == 0 && counts.Values.All(c => c == 1) ? 0 : 1;
    }

    /// <summary>The time the token was answered only 429: from each first 429 to the next request the sandbox served.</summary>
    private static TimeSpan Blocked(List<(long At, int Status, string? Operation)> arrivals)
    {
        var blocked = TimeSpan.Zero;
        long? since = null;
        foreach (var (at, status, _) in arrivals.OrderBy(a => a.At))
        {
            if (status == 429)
            {
                since ??= at;
            }
            else if (since is { } from)
            {
                blocked += Stopwatch.GetElapsedTime(from, at);
                since = null;
            }
        }

        return since is { } open ? blocked + Stopwatch.GetElapsedTime(open, arrivals.Max(a => a.At)) : blocked;
    }

    private static ServiceProvider Provider(RealtimeKitSandbox sandbox, RealtimeKitSandboxRateLimit? budget, string? redis = null, string? keyPrefix = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = sandbox.ApiToken;
            options.Timeout = TimeSpan.FromMinutes(2);
            options.RateLimit.Enabled = budget is not null;
            if (budget is not null)
            {
                options.RateLimit.PermitsPerWindow = budget.Permits;
                options.RateLimit.Window = budget.Window;
            }
        });
        if (redis is not null)
        {
            builder.AddRealtimeKitRedisRateBudget(options =>
            {
                options.Configuration = redis;
                options.KeyPrefix = keyPrefix!;
            });
        }

        return services.BuildServiceProvider();
    }
}
