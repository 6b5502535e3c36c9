using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Bulk adds against the sandbox: one result per request, a bounded number in flight, and each
/// attendee added exactly once, also when the connection drops after the service made the add.
/// </summary>
public sealed class AddParticipantsTests : IAsyncLifetime
{
    private const string Account = "acc";
    private const string App = "app";
    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { MaxRecordedRequests = 0 });
    private readonly InFlight _inFlight = new();
    private ServiceProvider _provider = null!;
    private IMeetingsClient _meetings = null!;
    private Guid _meetingId;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = _sandbox.BaseAddress;
            options.ApiToken = _sandbox.ApiToken;
            options.Retry.BaseDelay = TimeSpan.Zero;
        }).AddHttpMessageHandler(() => _inFlight);
        _provider = services.BuildServiceProvider();
        _meetings = _provider.GetRequiredService<IMeetingsClient>();
        _meetingId = (await _meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Webinar" })).Data!.Id;
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private static List<AddParticipantRequest> Attendees(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AddParticipantRequest { CustomParticipantId = $"attendee-{i:D3}@example.com", PresetName = "webinar_viewer", Name = $"Attendee {i}" })];

    private async Task<List<string>> InMeetingAsync()
    {
        var ids = new List<string>();
        await foreach (var participant in _meetings.EnumerateParticipantsAsync(Account, App, _meetingId, perPage: 100))
        {
            ids.Add(participant.CustomParticipantId);
        }

        return ids;
    }

    [Fact]
    public async Task Every_attendee_is_added_once_with_a_token_and_no_more_than_the_limit_in_flight()
    {
        var attendees = Attendees(60);

        var results = await _meetings.AddParticipantsAsync(Account, App, _meetingId, attendees, maxConcurrency: 4).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 60), results.Select(r => r.Index).Order());
        Assert.All(results, r =>
        {
            Assert.True(r.Succeeded, r.Error?.ToString());
            Assert.Same(attendees[r.Index], r.Request);
            Assert.Equal(r.Request.CustomParticipantId, r.Participant!.CustomParticipantId);
            Assert.False(string.IsNullOrEmpty(r.Participant.Token));
            Assert.False(r.Recovered);
        });
        Assert.Equal(attendees.Select(a => a.CustomParticipantId).Order(), (await InMeetingAsync()).Order());
        Assert.InRange(_inFlight.Most, 2, 4);
    }

    [Fact]
    public async Task An_add_whose_answer_was_lost_after_the_service_made_it_is_found_not_repeated()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.DroppedConnection(afterHandling: true), times: 5, operationId: "addParticipant");

        var results = await _meetings.AddParticipantsAsync(Account, App, _meetingId, Attendees(20)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(5, results.Count(r => r.Recovered));
        Assert.All(results.Where(r => r.Recovered), r => Assert.False(string.IsNullOrEmpty(r.Participant!.Token)));
        var inMeeting = await InMeetingAsync();
        Assert.Equal(20, inMeeting.Count);
        Assert.Equal(20, inMeeting.Distinct().Count());
    }

    [Fact]
    public async Task An_add_lost_before_the_service_made_it_is_sent_again_up_to_three_attempts()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.DroppedConnection(afterHandling: false), times: 2, operationId: "addParticipant");

        var results = await _meetings.AddParticipantsAsync(Account, App, _meetingId, Attendees(10), maxConcurrency: 1).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded && !r.Recovered, r.Error?.ToString()));
        Assert.Equal(Attendees(10).Select(a => a.CustomParticipantId).Order(), (await InMeetingAsync()).Order());
    }

    [Fact]
    public async Task After_three_lost_answers_the_request_is_reported_not_repeated()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.DroppedConnection(afterHandling: false), times: 3, operationId: "addParticipant");

        var results = (await _meetings.AddParticipantsAsync(Account, App, _meetingId, Attendees(4), maxConcurrency: 1).ToListAsync()).OrderBy(r => r.Index).ToList();

        Assert.True(Assert.IsType<RealtimeKitConnectionException>(results[0].Error).RequestMayHaveBeenProcessed);
        Assert.Equal([false, true, true, true], results.Select(r => r.Succeeded));
        Assert.Equal(Attendees(4).Skip(1).Select(a => a.CustomParticipantId).Order(), (await InMeetingAsync()).Order());
    }

    [Fact]
    public async Task A_request_that_fails_for_good_is_its_own_result_and_the_rest_go_on()
    {
        var attendees = Attendees(5);
        attendees[2] = new AddParticipantRequest { CustomParticipantId = "no-preset@example.com" };
        _sandbox.InjectFault(RealtimeKitSandboxFault.Status(400, """{"success":false,"errors":[{"code":400,"message":"bad"}]}"""), times: 1, operationId: "addParticipant");

        var results = (await _meetings.AddParticipantsAsync(Account, App, _meetingId, attendees, maxConcurrency: 1).ToListAsync()).OrderBy(r => r.Index).ToList();

        Assert.Equal(400, Assert.IsType<RealtimeKitApiException>(results[0].Error).StatusCode);
        Assert.Contains("preset_name", Assert.IsType<RealtimeKitValidationException>(results[2].Error).Message, StringComparison.Ordinal);
        Assert.Equal([false, true, false, true, true], results.Select(r => r.Succeeded));
        Assert.Equal(3, (await InMeetingAsync()).Count);
    }

    [Fact]
    public async Task A_5xx_answer_is_resolved_before_the_add_is_repeated()
    {
        _sandbox.InjectFault(RealtimeKitSandboxFault.ServiceUnavailableHtml(), times: 2, operationId: "addParticipant");

        var results = await _meetings.AddParticipantsAsync(Account, App, _meetingId, Attendees(3), maxConcurrency: 1).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(3, (await InMeetingAsync()).Count);
    }

    [Fact]
    public async Task Stopping_the_enumeration_stops_the_adds_not_yet_begun()
    {
        var taken = 0;
        await foreach (var result in _meetings.AddParticipantsAsync(Account, App, _meetingId, Attendees(200), maxConcurrency: 2))
        {
            Assert.True(result.Succeeded);
            if (++taken == 5)
            {
                break;
            }
        }

        Assert.InRange((await InMeetingAsync()).Count, 5, 5 + 2 + 2);
    }

    [Fact]
    public async Task Arguments_are_checked_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _meetings.AddParticipantsAsync(Account, App, _meetingId, Attendees(1), maxConcurrency: 0).ToListAsync());
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await _meetings.AddParticipantsAsync(Account, App, _meetingId, null!).ToListAsync());
        Assert.Empty(await InMeetingAsync());
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void An_outcome_is_unknown_only_where_the_service_may_have_made_the_add(bool mayHaveBeenProcessed, bool unknown)
    {
        Assert.Equal(unknown, RealtimeKitParticipantsExtensions.OutcomeUnknown(new RealtimeKitConnectionException("lost", mayHaveBeenProcessed, new HttpRequestException())));
        Assert.True(RealtimeKitParticipantsExtensions.OutcomeUnknown(new TimeoutException()));
        Assert.True(RealtimeKitParticipantsExtensions.OutcomeUnknown(new RealtimeKitApiException("502", 502, null, null, null)));
        Assert.False(RealtimeKitParticipantsExtensions.OutcomeUnknown(new RealtimeKitRateBudgetException("no permit")));
        Assert.False(RealtimeKitParticipantsExtensions.OutcomeUnknown(new RealtimeKitApiException("400", 400, null, null, null)));
        Assert.False(RealtimeKitParticipantsExtensions.OutcomeUnknown(new RealtimeKitValidationException("x", "body", "preset_name")));
    }

    /// <summary>Counts the requests in flight at once, innermost of the handlers.</summary>
    private sealed class InFlight : DelegatingHandler
    {
        private int _now;
        private int _most;

        public int Most => Volatile.Read(ref _most);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }
}
