using System.Collections.Concurrent;
using System.Diagnostics;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// What the process-fault tests share: receiver instances as child processes over one real Redis,
/// a sender that retries as RealtimeKit does (another instance each attempt, until an answer below
/// 500), and every answer recorded.
/// </summary>
internal sealed class ReceiverProcessFaults : IAsyncDisposable
{
    private readonly string _prefix = RedisServer.UniqueKeyPrefix();
    private readonly RedisServer _redis;

    public ReceiverProcessFaults(RedisServer redis) => _redis = redis;

    public SignedSender Sender { get; } = new();

    public List<ReceiverProcess> Instances { get; } = [];

    /// <summary>Every attempt's answer; status 0 when the attempt failed without one (connection refused or reset).</summary>
    public ConcurrentQueue<(string Id, int Status, string Text, TimeSpan? RetryAfter, long At)> Answers { get; } = new();

    public async Task<ReceiverProcess> StartAsync(string name, TimeSpan lease, string? stallPrefix = null)
    {
        var instance = await ReceiverProcess.StartAsync(name, _redis.Configuration, _prefix, Sender.PublicKeyPem, lease, stallPrefix);
        Instances.Add(instance);
        return instance;
    }

    /// <summary>One delivery to each instance, so that each has connected to Redis before the test's own.</summary>
    public async Task WarmUpAsync()
    {
        foreach (var instance in Instances)
        {
            var answer = await Sender.SendAsync(instance.Url, $"warm-up-{Guid.NewGuid():N}");
            Assert.True(answer.Status == 200, $"{instance.Name} answered {answer.Status} {answer.Text} to its warm-up: {instance.Errors}");
        }
    }

    /// <summary>
    /// Delivers <paramref name="id"/> as RealtimeKit does: an attempt to one of the live
    /// <paramref name="to"/> after the other, again after every 5xx or failed attempt, until an
    /// answer below 500; the answer it ended with.
    /// </summary>
    public async Task<SignedSender.Answer> DeliverAsync(string id, IReadOnlyList<ReceiverProcess> to, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((limit ?? TimeSpan.FromSeconds(60)).TotalSeconds * Stopwatch.Frequency);
        for (var attempt = 0; ; attempt++)
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, $"{id}: not delivered in time; answers: {string.Join(", ", Answers.Where(a => a.Id == id).Select(a => $"{a.Status} {a.Text}"))}");
            var live = to.Where(i => !i.HasExited).ToList();
            var instance = live[attempt % live.Count];
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                var answer = await Sender.SendAsync(instance.Url, id, timeout.Token);
                Answers.Enqueue((id, answer.Status, answer.Text, answer.RetryAfter, Stopwatch.GetTimestamp()));
                if (answer.Status < 500)
                {
                    return answer;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Answers.Enqueue((id, 0, ex.GetType().Name, null, Stopwatch.GetTimestamp()));
            }

            await Task.Delay(Random.Shared.Next(20, 60)); // RealtimeKit's own schedule, shortened; Retry-After is advice
        }
    }

    /// <summary>How many times each id's handler finished, over every instance (killed ones included).</summary>
    public Dictionary<string, int> HandledCounts(IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet();
        return Instances.SelectMany(i => i.Handled).Where(wanted.Contains).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Every answer was a 200, a 503 with Retry-After, or no answer (a killed instance); never anything else.</summary>
    public void AssertOnlyOkOrRetryLater()
    {
        Assert.All(Answers, a => Assert.True(
            a.Status == 200 || a.Status == 0 || (a.Status == 503 && a.RetryAfter == TimeSpan.FromSeconds(1)),
            $"{a.Id}: {a.Status} {a.Text} retry-after {a.RetryAfter}"));
    }

    /// <summary>Each 200 "ok" is for a delivery whose handler finished before it was sent.</summary>
    public void AssertNothingAcknowledgedUnhandled()
    {
        foreach (var ok in Answers.Where(a => a.Status == 200 && a.Text == "ok"))
        {
            Assert.True(
                Instances.Any(i => i.Lines.Any(l => l.Line == $"handled {ok.Id}" && l.At < ok.At)),
                $"{ok.Id} was acknowledged but no handler had finished it");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        Sender.Dispose();
    }
}
