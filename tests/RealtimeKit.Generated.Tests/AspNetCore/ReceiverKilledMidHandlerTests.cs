using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// A receiver process killed with SIGKILL while its handlers run: nothing is released or completed,
/// so the claims hold until their lease ends; the service's retries, to the other instances, are
/// answered 503 (Retry-After) until then and handled exactly once after.
/// </summary>
public sealed class ReceiverKilledMidHandlerTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan _lease = TimeSpan.FromSeconds(3);

    [RedisFact]
    public async Task Deliveries_whose_instance_is_killed_mid_handler_are_handled_once_by_another_after_the_lease()
    {
        await using var run = new ReceiverProcessFaults(redis);
        var doomed = await run.StartAsync("A", _lease, stallPrefix: "stall-");
        var others = new[] { await run.StartAsync("B", _lease), await run.StartAsync("C", _lease) };
        await run.WarmUpAsync();

        // Three deliveries whose handlers are running in A when it dies.
        var stalled = Enumerable.Range(0, 3).Select(i => $"stall-{i}-{Guid.NewGuid():N}").ToArray();
        var firstAttempts = stalled.Select(id => run.Sender.SendAsync(doomed.Url, id)).ToArray();
        foreach (var id in stalled)
        {
            await doomed.WaitForLineAsync($"started {id}", TimeSpan.FromSeconds(15));
        }

        // Others keep coming to B and C meanwhile.
        var bystanders = Enumerable.Range(0, 20).Select(i => $"bystander-{i:D2}-{Guid.NewGuid():N}").ToArray();
        var bystanding = Task.WhenAll(bystanders.Select(async (id, i) =>
        {
            await Task.Delay(i * 25);
            return await run.DeliverAsync(id, others);
        }));

        doomed.Kill();
        foreach (var attempt in firstAttempts)
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => attempt); // the connection died with the process
        }

        var retried = await Task.WhenAll(stalled.Select(id => run.DeliverAsync(id, others)));
        await bystanding;

        Assert.All(retried, answer => Assert.Equal((200, "ok"), (answer.Status, answer.Text)));
        var handled = run.HandledCounts(stalled.Concat(bystanders));
        Assert.All(stalled.Concat(bystanders), id => Assert.True(handled.GetValueOrDefault(id) == 1, $"{id} was handled {handled.GetValueOrDefault(id)} times"));
        Assert.DoesNotContain(doomed.Handled, stalled.Contains);

        // Until the lease ended, each retry met A's claim: 503 "in progress" with Retry-After, never a second handler.
        Assert.All(stalled, id => Assert.Contains(run.Answers, a => a.Id == id && a.Status == 503 && a.Text == "in progress"));
        run.AssertOnlyOkOrRetryLater();
        run.AssertNothingAcknowledgedUnhandled();

        // Late copies (the service does not know its 200s arrived) are duplicates wherever they land.
        var late = await Task.WhenAll(stalled.Select((id, i) => run.Sender.SendAsync(others[i % 2].Url, id)));
        Assert.All(late, answer => Assert.Equal((200, "duplicate"), (answer.Status, answer.Text)));
    }
}
