using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.AspNetCore;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// How the endpoint settles a delivery's claim when the store fails, and the cases the mutation run
/// found unchecked around it: the record retried with its pauses, given up on within the lease or
/// ten seconds, a lease outlasted, a release that fails, a request aborted in the handler, an event
/// without a name (refused before it is claimed), a server whose own body limit is lower, a host without AddRealtimeKitWebhooks.
/// </summary>
[Collection(RunsAloneCollection.Name)]
public sealed partial class WebhookSettlementTests : IDisposable
{
    private readonly SignedSender _sender = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _sender.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_record_that_fails_twice_is_asked_again_after_50_and_100_ms_and_a_lease_outlasted_is_logged(bool recorded)
    {
        var store = new ScriptedStore { CompleteFailures = 2, CompleteResult = recorded };
        await using var receiver = await StartAsync(store);

        var answer = await _sender.SendAsync(receiver.Url, "d-1");

        Assert.Equal((200, "ok"), (answer.Status, answer.Text));
        Assert.Equal([50, 100], Pauses());
        Assert.Equal(3, store.CompleteCalls);
        Assert.Equal(!recorded, Lines(8).Any());
        Assert.Empty(Lines(9));
    }

    [Fact]
    public async Task A_record_that_keeps_failing_is_given_up_on_within_the_claims_lease()
    {
        // Retried while the time so far plus the next pause stays under the lease of 600 ms:
        // after 0 + 50, about 50 + 100 and about 150 + 200; about 350 + 400 is over it.
        var store = new ScriptedStore { CompleteFailures = int.MaxValue };
        await using var receiver = await StartAsync(store, o => o.ClaimLease = TimeSpan.FromMilliseconds(600));

        var answer = await _sender.SendAsync(receiver.Url, "d-1");

        Assert.Equal((200, "ok"), (answer.Status, answer.Text));
        Assert.Equal([50, 100, 200], Pauses());
        Assert.Equal(LogLevel.Error, Assert.Single(Lines(9)).Level);
        Assert.IsType<TimeoutException>(Assert.Single(Lines(9)).Exception);
    }

    [Fact]
    public async Task A_record_that_keeps_failing_under_a_long_lease_is_given_up_on_after_ten_seconds_with_pauses_doubling_to_a_second()
    {
        var store = new ScriptedStore { CompleteFailures = int.MaxValue };
        await using var receiver = await StartAsync(store);

        var answer = await _sender.SendAsync(receiver.Url, "d-1");

        Assert.Equal((200, "ok"), (answer.Status, answer.Text));
        var pauses = Pauses();
        Assert.Equal([50, 100, 200, 400, 800], pauses.Take(5));
        Assert.All(pauses.Skip(5), pause => Assert.Equal(1000, pause));
        // Each retry waits at least its pause, and none starts whose pause would end after ten
        // seconds: together under ten seconds, and at most a second (the last pause) and the
        // calls' own time short of it.
        Assert.InRange(pauses.Sum(), 8000, 9999);
        Assert.Single(Lines(9));
        Assert.Equal(pauses.Count + 1, store.CompleteCalls);
    }

    [Fact]
    public async Task A_release_that_fails_after_a_throwing_handler_is_logged_and_answered_500()
    {
        var store = new ScriptedStore { ReleaseFails = true };
        await using var receiver = await StartAsync(store, onDelivery: (_, _) => throw new InvalidOperationException("handler"));

        var answer = await _sender.SendAsync(receiver.Url, "d-1");

        Assert.Equal((500, "handler failed"), (answer.Status, answer.Text));
        Assert.Equal(1, store.ReleaseCalls);
        var line = Assert.Single(Lines(10));
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.IsType<TimeoutException>(line.Exception);
    }

    [Fact]
    public async Task A_request_aborted_while_its_handler_runs_is_logged_as_aborted_and_its_claim_released()
    {
        var store = new ScriptedStore();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await StartAsync(store, onDelivery: async (_, context) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        using var abort = new CancellationTokenSource();
        var sending = _sender.SendAsync(receiver.Url, "d-1", abort.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        await Until(() => store.ReleaseCalls == 1);
        var line = Assert.Single(Lines(6));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("RealtimeKit delivery d-1 (meeting.started): the request was aborted", line.Message, StringComparison.Ordinal);
        Assert.Empty(Lines(7));
        Assert.Equal(0, store.CompleteCalls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_event_without_a_name_is_400_unreadable_and_never_reaches_the_handler(bool nameIsNull)
    {
        var json = JObject.Parse(RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted));
        if (nameIsNull)
        {
            json["event"] = JValue.CreateNull();
        }
        else
        {
            Assert.True(json.Remove("event"));
        }

        using var sender = new SignedSender(json.ToString(Newtonsoft.Json.Formatting.None));
        await using var receiver = await Receiver.StartAsync(sender.Pin);

        var answer = await sender.SendAsync(receiver.Url, "d-1");

        Assert.Equal((400, "UnreadableBody"), (answer.Status, answer.Text));
        Assert.Equal(0, receiver.HandlerCalls);
    }

    [Fact]
    public async Task A_server_whose_own_body_limit_is_lower_and_fixed_answers_413()
    {
        // Kestrel refuses more than 100 bytes, and the endpoint cannot raise that (the feature is
        // read-only, as once something has read the body): the server's refusal is a 413 too.
        await using var receiver = await Receiver.StartAsync(_sender.Pin, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(_logs);
            s.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 100);
            s.AddTransient<IStartupFilter, ReadOnlyBodyLimit>();
        });

        var answer = await _sender.SendAsync(receiver.Url, "d-1");

        Assert.Equal((413, "body too large"), (answer.Status, answer.Text));
        Assert.Equal(0, receiver.HandlerCalls);
        Assert.Single(Lines(1));
    }

    [Fact]
    public async Task Mapping_without_AddRealtimeKitWebhooks_fails_the_request_saying_what_is_missing()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();
        app.MapRealtimeKitWebhooks("/hooks", (_, _) => Task.CompletedTask);
        var endpoint = (RouteEndpoint)((IEndpointRouteBuilder)app).DataSources.Single().Endpoints.Single();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => endpoint.RequestDelegate!(new DefaultHttpContext { RequestServices = app.Services }));

        Assert.Equal("MapRealtimeKitWebhooks needs services.AddRealtimeKitWebhooks(…).", error.Message);
    }

    private Task<Receiver> StartAsync(ScriptedStore store, Action<RealtimeKitWebhookDeduplicationOptions>? options = null, Func<RealtimeKitWebhookDelivery, HttpContext, Task>? onDelivery = null) =>
        Receiver.StartAsync(_sender.Pin, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(_logs);
            s.AddSingleton<IRealtimeKitDeliveryStore>(store);
            if (options is not null)
            {
                s.Configure(options);
            }
        }, onDelivery: onDelivery);

    private List<CapturingLoggerProvider.LogLine> Lines(int eventId) =>
        [.. _logs.Entries.Where(e => e.Category == RealtimeKitWebhookLog.Category && e.EventId.Id == eventId)];

    /// <summary>The pauses before each new attempt to record the delivery, in milliseconds, from the log.</summary>
    private List<int> Pauses() =>
        [.. Lines(11).Select(line => (int)TimeSpan.Parse(PauseOf().Match(line.Message).Groups[1].Value, CultureInfo.InvariantCulture).TotalMilliseconds)];

    [GeneratedRegex(@"asking again in (\S+)$")]
    private static partial Regex PauseOf();

    private static async Task Until(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    /// <summary>Claims every delivery; fails to record it as often as told, then answers as told; fails to release it if told.</summary>
    private sealed class ScriptedStore : IRealtimeKitDeliveryStore
    {
        private int _completeCalls;
        private int _releaseCalls;

        public int CompleteFailures { get; init; }

        public bool CompleteResult { get; init; } = true;

        public bool ReleaseFails { get; init; }

        public int CompleteCalls => Volatile.Read(ref _completeCalls);

        public int ReleaseCalls => Volatile.Read(ref _releaseCalls);

        public ValueTask<RealtimeKitDeliveryClaim> TryClaimAsync(string deliveryId, TimeSpan lease, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RealtimeKitDeliveryClaim.Claimed(deliveryId, Guid.NewGuid().ToString("N")));

        public ValueTask<bool> CompleteAsync(RealtimeKitDeliveryClaim claim, TimeSpan retention, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _completeCalls) <= CompleteFailures
                ? throw new TimeoutException("the store did not answer")
                : ValueTask.FromResult(CompleteResult);

        public ValueTask<bool> ReleaseAsync(RealtimeKitDeliveryClaim claim, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _releaseCalls);
            return ReleaseFails ? throw new TimeoutException("the store did not answer") : ValueTask.FromResult(true);
        }
    }

    /// <summary>Puts a read-only view of the request's body limit in front of the endpoint.</summary>
    private sealed class ReadOnlyBodyLimit : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()!;
                context.Features.Set<IHttpMaxRequestBodySizeFeature>(new Fixed(limit.MaxRequestBodySize));
                return nextMiddleware(context);
            });
            next(app);
        };

        private sealed class Fixed(long? size) : IHttpMaxRequestBodySizeFeature
        {
            public bool IsReadOnly => true;

            public long? MaxRequestBodySize
            {
                get => size;
                set => throw new InvalidOperationException("read-only");
            }
        }
    }
}
