using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Issue 12, item 5: 32 callers × 5,000 calls through one client registered with
/// <c>AddRealtimeKit</c>, against one sandbox that answers a seeded random ~5.5 % of requests
/// with a fault (5xx, 429 with <c>Retry-After</c> 0 or 1 s, a truncated body, an answer held past
/// the timeout, a connection closed without an answer after or before handling). Every call
/// must end in a correct result or a typed exception within Timeout + 1 s, no POST or PATCH may be
/// sent again after anything but a 429, and the sandbox's state must hold every successful add
/// once and no add twice. Run it alone with <c>dotnet test --filter Category=Soak</c>; the figures
/// are in bench/README.md ("Fault soak").
/// </summary>
[Collection(RunsAloneCollection.Name)] // its 32 callers would slow the timing assertions of other tests, and theirs its own
[Trait("Category", "Soak")]
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    private const int Callers = 32;
    private const int CallsPerCaller = 5_000;
    private const int Seed = 20261123;
    private const int MaxRetries = 2;
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    private const string MarkerPrefix = "https://soak.example.com/";

    private static readonly TimeSpan _timeout = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan _bound = _timeout + TimeSpan.FromSeconds(1);

    /// <summary>The faults and the probability that a request meets each; ~5.5 % in all.</summary>
    private static readonly (RealtimeKitSandboxFault Fault, double Probability)[] _faults =
    [
        (RealtimeKitSandboxFault.Status(500, """{"success":false,"error":{"code":500,"message":"Internal error"}}"""), 0.006),
        (RealtimeKitSandboxFault.ServiceUnavailableHtml(), 0.006),
        (RealtimeKitSandboxFault.RateLimited(TimeSpan.Zero), 0.005),
        (RealtimeKitSandboxFault.RateLimited(TimeSpan.FromSeconds(1)), 0.005),
        (RealtimeKitSandboxFault.TruncatedBody(), 0.01),
        (RealtimeKitSandboxFault.Delayed(TimeSpan.FromMilliseconds(400)), 0.0075),
        (RealtimeKitSandboxFault.DroppedConnection(afterHandling: true), 0.0075),
        (RealtimeKitSandboxFault.DroppedConnection(afterHandling: false), 0.0075),
    ];

    private enum Operation : byte
    {
        Add,
        Get,
        List,
        Edit,
        Replace,
        Delete,
    }

    private enum Outcome : byte
    {
        Result,
        WrongResult,
        NotFound,
        RateLimited,
        Unauthorized,
        ApiError,
        Timeout,
        ConnectionFailed,
        Untyped,
    }

    /// <summary>One call: what it did, to which webhook, how it ended (with the status of an API error, the HttpRequestError of a connection failure) and how long it took.</summary>
    private readonly record struct Call(Operation Operation, Outcome Outcome, TimeSpan Elapsed, Guid Target, bool TargetKnown, Guid Added, int Status);

    /// <summary>One request as the sandbox saw it, for the calls whose body carries their marker.</summary>
    private readonly record struct Attempt(int Caller, int Call, string Operation, int Status);

    private static string AppOf(int caller) => $"soak-app-{caller}";

    private static string NameOf(int caller, int call) => $"soak-{caller}-{call}";

    private static Uri MarkerOf(int caller, int call) => new($"{MarkerPrefix}{caller}/{call}");

    [Fact]
    public async Task Thirty_two_callers_make_160000_calls_through_random_faults_and_every_call_ends_typed_in_time_without_adding_a_webhook_twice()
    {
        var attempts = new ConcurrentQueue<Attempt>();
        var statuses = new int[600];
        await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions
        {
            MaxRecordedRequests = 0,
            OnRequest = request =>
            {
                Interlocked.Increment(ref statuses[Math.Clamp(request.StatusCode, 0, statuses.Length - 1)]);
                if (request.OperationId is "addWebhook" or "editWebhook" && ParseMarker(request.Body) is { } marker)
                {
                    attempts.Enqueue(new Attempt(marker.Caller, marker.Call, request.OperationId, request.StatusCode));
                }
            },
        });

        await using (var warmUp = Provider(sandbox, TimeSpan.FromSeconds(30)))
        {
            await WarmUpAsync(warmUp.GetRequiredService<IWebhooksClient>(), sandbox);
        }

        await using var provider = Provider(sandbox, _timeout);
        var client = provider.GetRequiredService<IWebhooksClient>();
        Array.Clear(statuses);
        sandbox.InjectRandomFaults(_faults, Seed);

        var calls = new Call[Callers][];
        var untyped = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () => calls[caller] = await RunCallerAsync(client, caller, untyped))))
            .WaitAsync(TimeSpan.FromMinutes(15));
        clock.Stop();
        sandbox.InjectRandomFaults([], Seed);

        var all = calls.SelectMany(c => c).ToList();
        var sorted = all.Select(c => c.Elapsed).Order().ToList();
        var p99 = sorted[(int)Math.Ceiling(0.99 * sorted.Count) - 1];
        output.WriteLine(Summary(all, statuses, clock.Elapsed, p99, sorted[^1]));

        var failures = new List<string>();
        Check(failures, "untyped exceptions escaped", untyped);
        Check(failures, "results that do not match the call", Describe(calls, c => c.Outcome == Outcome.WrongResult));
        Check(failures, "calls answered 401 with the right token", Describe(calls, c => c.Outcome == Outcome.Unauthorized));
        Check(failures, $"calls that took longer than {_bound.TotalMilliseconds} ms", Describe(calls, c => c.Elapsed > _bound));
        Check(failures, "POST or PATCH requests sent again after an answer other than 429, or more than once too often", RepeatedWrites(attempts));
        Check(failures, "webhooks added twice, lost or left over", StateErrors(sandbox, calls));

        var connectionFailures = all.Count(c => c.Outcome == Outcome.ConnectionFailed);
        if (connectionFailures > statuses[0])
        {
            failures.Add($"{connectionFailures} calls ended in RealtimeKitConnectionException, but only {statuses[0]} connections were dropped by the sandbox");
        }

        Assert.Equal(Callers * CallsPerCaller, all.Count);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static ServiceProvider Provider(RealtimeKitSandbox sandbox, TimeSpan timeout)
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = sandbox.ApiToken;
            options.Timeout = timeout;
            options.Retry.MaxRetries = MaxRetries;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            // A load run against the sandbox, not against the service: the budget would pace it to 1,200 per five minutes.
            options.RateLimit.Enabled = false;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Each operation a few times before the faults, through a client of its own with a long
    /// timeout: the first calls load the sandbox's document and JIT both sides, which takes longer
    /// than the soak's 250 ms.
    /// </summary>
    private static async Task WarmUpAsync(IWebhooksClient client, RealtimeKitSandbox sandbox)
    {
        for (var i = 0; i < 3; i++)
        {
            var added = (await client.AddWebhookAsync(Account, "warm-up", new AddWebhookRequest { Name = "warm-up", Url = new Uri(MarkerPrefix + "warm-up"), Events = [WebhookEvent.MeetingStarted] })).Data;
            await client.GetWebhookAsync(Account, "warm-up", added.Id);
            await client.ListWebhooksAsync(Account, "warm-up");
            await client.EditWebhookAsync(Account, "warm-up", added.Id, new EditWebhookRequest { Enabled = false });
            await client.ReplaceWebhookAsync(Account, "warm-up", added.Id, new ReplaceWebhookRequest { Name = "warm-up", Url = new Uri(MarkerPrefix + "warm-up"), Events = [WebhookEvent.MeetingEnded] });
            await client.DeleteWebhookAsync(Account, "warm-up", added.Id);
            await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.GetWebhookAsync(Account, "warm-up", added.Id));
        }

        Assert.Empty(sandbox.GetWebhooks(Account, "warm-up"));
    }

    /// <summary>
    /// One caller: a seeded mix of operations on its own app. Adds have a unique name and URL; the
    /// other operations go to a webhook it added (known), now and then to one it deleted or never
    /// had (404). A webhook is deleted at most once; edits and replaces keep its name.
    /// </summary>
    private static async Task<Call[]> RunCallerAsync(IWebhooksClient client, int caller, ConcurrentQueue<string> untyped)
    {
        var random = new Random(Seed + caller);
        var app = AppOf(caller);
        var known = new List<(Guid Id, string Name)>();
        var gone = new List<Guid>();
        var calls = new Call[CallsPerCaller];

        for (var index = 0; index < CallsPerCaller; index++)
        {
            var operation = Pick(random);
            var marker = MarkerOf(caller, index);
            var name = NameOf(caller, index);
            var target = Guid.Empty;
            var targetName = "soak-unknown";
            var targetKnown = false;
            if (operation is not Operation.Add and not Operation.List)
            {
                if (known.Count > 0 && random.NextDouble() >= 0.05)
                {
                    var slot = random.Next(known.Count);
                    (target, targetName) = known[slot];
                    targetKnown = true;
                    if (operation == Operation.Delete)
                    {
                        known[slot] = known[^1];
                        known.RemoveAt(known.Count - 1);
                    }
                }
                else
                {
                    target = gone.Count > 0 && random.Next(2) == 0 ? gone[random.Next(gone.Count)] : Guid.NewGuid();
                }
            }

            var outcome = Outcome.Result;
            var added = Guid.Empty;
            var status = 0;
            var start = Stopwatch.GetTimestamp();
            try
            {
                switch (operation)
                {
                    case Operation.Add:
                        var created = (await client.AddWebhookAsync(Account, app, new AddWebhookRequest { Name = name, Url = marker, Events = [WebhookEvent.MeetingStarted] })).Data;
                        added = created.Id;
                        outcome = created.Name == name && created.Url == marker ? Outcome.Result : Outcome.WrongResult;
                        break;
                    case Operation.Get:
                        outcome = (await client.GetWebhookAsync(Account, app, target)).Data.Id == target ? Outcome.Result : Outcome.WrongResult;
                        break;
                    case Operation.List:
                        var listed = (await client.ListWebhooksAsync(Account, app)).Data;
                        outcome = listed.All(w => w.Name.StartsWith($"soak-{caller}-", StringComparison.Ordinal)) ? Outcome.Result : Outcome.WrongResult;
                        break;
                    case Operation.Edit:
                        var edited = (await client.EditWebhookAsync(Account, app, target, new EditWebhookRequest { Url = marker, Enabled = random.Next(2) == 0 })).Data;
                        outcome = edited.Id == target && edited.Url == marker && edited.Name == targetName ? Outcome.Result : Outcome.WrongResult;
                        break;
                    case Operation.Replace:
                        var replaced = (await client.ReplaceWebhookAsync(Account, app, target, new ReplaceWebhookRequest { Name = targetName, Url = marker, Events = [WebhookEvent.MeetingEnded] })).Data;
                        outcome = replaced.Id == target && replaced.Url == marker ? Outcome.Result : Outcome.WrongResult;
                        break;
                    case Operation.Delete:
                        outcome = (await client.DeleteWebhookAsync(Account, app, target)).Data.Id == target ? Outcome.Result : Outcome.WrongResult;
                        break;
                }
            }
            catch (RealtimeKitConnectionException ex) when (ex.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.Unknown)
            {
                // A connection closed without an answer.
                outcome = Outcome.ConnectionFailed;
                status = (int)ex.HttpRequestError;
            }
            catch (RealtimeKitNotFoundException)
            {
                outcome = Outcome.NotFound;
            }
            catch (RealtimeKitRateLimitedException)
            {
                outcome = Outcome.RateLimited;
            }
            catch (RealtimeKitUnauthorizedException)
            {
                outcome = Outcome.Unauthorized;
            }
            catch (RealtimeKitApiException ex)
            {
                outcome = Outcome.ApiError;
                status = ex.StatusCode;
            }
            catch (TimeoutException)
            {
                outcome = Outcome.Timeout;
            }
            catch (Exception ex)
            {
                outcome = Outcome.Untyped;
                untyped.Enqueue($"caller {caller} call {index} ({operation}): {ex.GetType().FullName}: {ex.Message}");
            }

            calls[index] = new Call(operation, outcome, Stopwatch.GetElapsedTime(start), target, targetKnown, added, status);
            if (operation == Operation.Add && outcome == Outcome.Result)
            {
                known.Add((added, name));
            }
            else if (operation == Operation.Delete && targetKnown && outcome is Outcome.Result or Outcome.NotFound)
            {
                gone.Add(target);
            }
        }

        return calls;
    }

    private static Operation Pick(Random random) => random.Next(100) switch
    {
        < 22 => Operation.Add,
        < 42 => Operation.Get,
        < 50 => Operation.List,
        < 64 => Operation.Edit,
        < 78 => Operation.Replace,
        _ => Operation.Delete,
    };

    /// <summary>
    /// A POST or PATCH may be sent again only after a 429 (the one answer that says nothing was
    /// done), and at most <see cref="MaxRetries"/> times; a PUT is idempotent and may be repeated.
    /// </summary>
    private static IEnumerable<string> RepeatedWrites(IEnumerable<Attempt> attempts) =>
        attempts.GroupBy(a => (a.Caller, a.Call))
            .Select(g => (g.Key, Statuses: g.Select(a => a.Status).ToList(), g.First().Operation))
            .Where(g => g.Statuses.Count > MaxRetries + 1 || g.Statuses.SkipLast(1).Any(s => s != 429))
            .Select(g => $"caller {g.Key.Caller} call {g.Key.Call} ({g.Operation}): answers {string.Join(", ", g.Statuses)}");

    /// <summary>
    /// The sandbox's state against what each call saw. An add that returned a webhook: that
    /// webhook is the only one with the add's name, there until a delete of it succeeded (or found
    /// it gone), and maybe there after a delete that failed. An add that failed: at most one
    /// webhook with its name, none when the sandbox answered it with a status fault. Every webhook
    /// in the state comes from an add.
    /// </summary>
    private static List<string> StateErrors(RealtimeKitSandbox sandbox, Call[][] calls)
    {
        var errors = new List<string>();
        for (var caller = 0; caller < Callers; caller++)
        {
            var byName = sandbox.GetWebhooks(Account, AppOf(caller)).ToLookup(w => w.Name, StringComparer.Ordinal);
            var deletes = calls[caller].Where(c => c.Operation == Operation.Delete && c.TargetKnown).ToDictionary(c => c.Target, c => c.Outcome);
            var adds = 0;
            for (var index = 0; index < CallsPerCaller; index++)
            {
                var call = calls[caller][index];
                if (call.Operation != Operation.Add)
                {
                    continue;
                }

                adds++;
                var name = NameOf(caller, index);
                var found = byName[name].ToList();
                var where = $"caller {caller} call {index} (add, {call.Outcome})";
                if (found.Count > 1)
                {
                    errors.Add($"{where}: {found.Count} webhooks named {name}");
                }
                else if (call.Outcome == Outcome.Result)
                {
                    var deleted = deletes.TryGetValue(call.Added, out var outcome) ? outcome : (Outcome?)null;
                    if (found.Count == 1 && found[0].Id != call.Added)
                    {
                        errors.Add($"{where}: the webhook named {name} is {found[0].Id}, the add returned {call.Added}");
                    }
                    else if (deleted is null && found.Count == 0)
                    {
                        errors.Add($"{where}: the added webhook {call.Added} is missing, and it was never deleted");
                    }
                    else if (deleted is Outcome.Result or Outcome.NotFound && found.Count == 1)
                    {
                        errors.Add($"{where}: the webhook {call.Added} is still there after its delete ended in {deleted}");
                    }
                }
                else if (found.Count == 1 && (call.Outcome == Outcome.RateLimited || (call.Outcome == Outcome.ApiError && call.Status >= 500)))
                {
                    errors.Add($"{where}: ended in a status the sandbox answers without handling, yet {name} exists");
                }
            }

            var names = Enumerable.Range(0, CallsPerCaller).Where(i => calls[caller][i].Operation == Operation.Add).Select(i => NameOf(caller, i)).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(byName.Where(g => !names.Contains(g.Key)).Select(g => $"caller {caller}: a webhook named {g.Key} that no add of this caller sent"));
            if (adds == 0)
            {
                errors.Add($"caller {caller} made no add");
            }
        }

        return errors;
    }

    private static IEnumerable<string> Describe(Call[][] calls, Func<Call, bool> which) =>
        calls.SelectMany((list, caller) => list.Select((call, index) => (call, caller, index)))
            .Where(c => which(c.call))
            .Select(c => $"caller {c.caller} call {c.index} ({c.call.Operation}): {c.call.Outcome} after {c.call.Elapsed.TotalMilliseconds:F0} ms");

    private static void Check(List<string> failures, string what, IEnumerable<string> found)
    {
        var list = found.ToList();
        if (list.Count > 0)
        {
            failures.Add($"{list.Count} {what}; the first: {Environment.NewLine}  {string.Join(Environment.NewLine + "  ", list.Take(5))}");
        }
    }

    private static (int Caller, int Call)? ParseMarker(string? body)
    {
        var start = body?.IndexOf(MarkerPrefix, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        var rest = body.AsSpan(start + MarkerPrefix.Length);
        var slash = rest.IndexOf('/');
        var end = rest.IndexOf('"');
        return slash > 0 && end > slash
            && int.TryParse(rest[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var caller)
            && int.TryParse(rest[(slash + 1)..end], NumberStyles.None, CultureInfo.InvariantCulture, out var call)
            ? (caller, call)
            : null;
    }

    private static string Summary(List<Call> all, int[] statuses, TimeSpan wall, TimeSpan p99, TimeSpan max)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"soak: {all.Count} calls, {Callers} callers, timeout {_timeout.TotalMilliseconds:F0} ms, {wall.TotalSeconds:F1} s, {all.Count / wall.TotalSeconds:F0} calls/s, working set {Environment.WorkingSet / 1024 / 1024} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB peak");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  duration: p50 {Percentile(all, 0.50):F1} ms, p99 {p99.TotalMilliseconds:F1} ms, max {max.TotalMilliseconds:F1} ms = timeout + {(max - _timeout).TotalMilliseconds:F1} ms");
        text.AppendLine();
        text.Append("  outcomes:");
        foreach (var group in all.GroupBy(c => c.Outcome).OrderBy(g => g.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $" {group.Key} {group.Count()}");
        }

        text.AppendLine();
        text.Append("  ApiError by status:");
        foreach (var group in all.Where(c => c.Outcome == Outcome.ApiError).GroupBy(c => c.Status).OrderBy(g => g.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $" {group.Key}: {group.Count()}");
        }

        text.AppendLine();
        text.Append("  ConnectionFailed by HttpRequestError:");
        foreach (var group in all.Where(c => c.Outcome == Outcome.ConnectionFailed).GroupBy(c => (HttpRequestError)c.Status).OrderBy(g => g.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $" {group.Key}: {group.Count()}");
        }

        text.AppendLine();
        text.Append("  by operation:");
        foreach (var group in all.GroupBy(c => c.Operation).OrderBy(g => g.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $" {group.Key} {group.Count()} ({group.Count(c => c.Outcome == Outcome.Result)} results)");
        }

        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  sandbox: {statuses.Sum()} requests;");
        for (var status = 0; status < statuses.Length; status++)
        {
            if (statuses[status] > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" {(status == 0 ? "dropped" : status.ToString(CultureInfo.InvariantCulture))}: {statuses[status]}");
            }
        }

        return text.ToString();
    }

    private static double Percentile(List<Call> all, double p)
    {
        var sorted = all.Select(c => c.Elapsed.TotalMilliseconds).Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
