using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Livestreams, the live session's participants, polls, track recordings, peer reports and
/// analytics answer from the sandbox's state, not from fixed examples.
/// </summary>
public sealed class SandboxLiveTests : IAsyncDisposable
{
    private const string Account = "acc";
    private const string App = "app";
    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start();
    private readonly ServiceProvider _provider;
    private readonly IRealtimeKitClient _client;

    public SandboxLiveTests()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(o =>
        {
            o.BaseAddress = _sandbox.BaseAddress;
            o.ApiToken = _sandbox.ApiToken;
            o.Retry.MaxRetries = 0;
        });
        _provider = services.BuildServiceProvider();
        _client = _provider.GetRequiredService<IRealtimeKitClient>();
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private async Task<(Guid Meeting, string Session, List<string> Peers)> LiveMeetingAsync()
    {
        var meeting = (await _client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Weekly sync" })).Data!.Id;
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var session = _sandbox.AddSession(Account, App, meeting, start, participants: [new("ana", "Ana", "host", start), new("bea", "Bea", "guest", start), new("cid", "Cid", "guest", start)]);
        var peers = (await _client.Sessions.ListSessionParticipantsAsync(Account, App, session)).Data!.Participants!.Select(p => p.Id!).ToList();
        return (meeting, session, peers);
    }

    [Fact]
    public async Task A_meetings_livestream_goes_live_with_a_session_and_stops_offline()
    {
        var (meeting, session, _) = await LiveMeetingAsync();

        var started = (await _client.Livestreams.StartLivestreamAsync(Account, App, meeting, new StartLivestreamRequest())).Data!;
        Assert.Equal(LivestreamStatus.Live, started.Status);
        var active = (await _client.Livestreams.GetMeetingActiveLivestreamAsync(Account, App, meeting)).Data!;
        Assert.Equal(started.Id, active.Id);
        Assert.Equal(meeting.ToString("D"), active.MeetingId);
        var running = (await _client.Livestreams.GetActiveLivestreamSessionAsync(Account, App, started.Id!)).Data!.Session!;
        Assert.Equal(started.Id, running.LivestreamId);
        Assert.Equal(running.Id, (await _client.Livestreams.ListSessionLivestreamSessionsAsync(Account, App, session)).Data!.Id);

        await _client.Livestreams.StopLivestreamAsync(Account, App, meeting);

        var stopped = (await _client.Livestreams.GetLivestreamAsync(Account, App, started.Id!)).Data!;
        Assert.Equal(LivestreamStatus.Offline, stopped.Livestream!.Status);
        Assert.NotNull(stopped.Session!.StoppedTime);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => _client.Livestreams.GetMeetingActiveLivestreamAsync(Account, App, meeting));
        var analytics = (await _client.Livestreams.GetLivestreamAnalyticsAsync(Account, App)).Data!;
        Assert.Equal(1, analytics.Count);
    }

    [Fact]
    public async Task A_standalone_livestream_is_created_idle_and_listed_with_paging()
    {
        var (meeting, _, _) = await LiveMeetingAsync();
        await _client.Livestreams.StartLivestreamAsync(Account, App, meeting, new StartLivestreamRequest());
        var created = (await _client.Livestreams.CreateLivestreamAsync(Account, App, new CreateLivestreamRequest())).Data!;
        Assert.Equal(LivestreamStatus.Idle, created.Status);
        Assert.Null(created.MeetingId);

        var listed = (await _client.Livestreams.ListLivestreamsAsync(Account, App, excludeMeetings: true)).Data!;
        Assert.Equal(created.Id, listed.Id);
        Assert.Equal(1, listed.Paging!.TotalCount);
        Assert.Equal(2, (await _client.Livestreams.ListLivestreamsAsync(Account, App)).Data!.Paging!.TotalCount);
    }

    [Fact]
    public async Task Kick_and_mute_act_on_the_live_sessions_participants()
    {
        var (meeting, session, peers) = await LiveMeetingAsync();

        var muted = (await _client.ActiveSession.MuteParticipantsAsync(Account, App, meeting, new MuteParticipantsRequest { CustomParticipantIds = ["bea"] })).Data!;
        Assert.Equal(peers[1], Assert.Single(muted.Participants!).Id);
        var kicked = (await _client.ActiveSession.KickParticipantsAsync(Account, App, meeting, new KickParticipantsRequest { ParticipantIds = [peers[0]] })).Data!;
        Assert.Equal("Ana", Assert.Single(kicked.Participants!).Name);
        Assert.NotNull((await _client.Sessions.GetSessionParticipantAsync(Account, App, session, peers[0])).Data!.Participant!.LeftAt);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => _client.ActiveSession.KickParticipantsAsync(Account, App, meeting, new KickParticipantsRequest { ParticipantIds = [peers[0]] }));

        Assert.Equal(2, (await _client.ActiveSession.MuteAllParticipantsAsync(Account, App, meeting, new MuteAllParticipantsRequest { AllowUnmute = true })).Data!.MutedParticipantsCount);
        Assert.Equal(2, (await _client.ActiveSession.KickAllParticipantsAsync(Account, App, meeting)).Data!.KickedParticipantsCount);
        Assert.Equal(0, (await _client.Sessions.GetSessionAsync(Account, App, session)).Data!.LiveParticipants);
    }

    [Fact]
    public async Task A_poll_answers_what_was_asked()
    {
        var (meeting, _, _) = await LiveMeetingAsync();

        var poll = (await _client.ActiveSession.CreatePollAsync(Account, App, meeting, new CreatePollRequest { Question = "Ship?", Options = ["Yes", "No"], HideVotes = true })).Data!.Poll!;

        Assert.Equal("Ship?", poll.Question);
        Assert.Equal(["Yes", "No"], poll.Options.Select(o => o.Text));
        Assert.All(poll.Options, o => Assert.Equal(0, o.Count));
        Assert.True(poll.HideVotes);
    }

    [Fact]
    public async Task A_track_recording_is_a_recording_and_a_peer_report_is_the_peers()
    {
        var (meeting, session, peers) = await LiveMeetingAsync();

        var track = (await _client.Recordings.StartTrackRecordingAsync(Account, App, new StartTrackRecordingRequest { MeetingId = meeting })).Data!.Recording!;
        Assert.Equal(track.Id, (await _client.Recordings.GetRecordingAsync(Account, App, track.Id.ToString())).Data!.Id);

        var report = (await _client.Sessions.GetPeerReportAsync(Account, App, peers[2], includePeerEvents: true)).Data!.Participant!;
        Assert.Equal("cid", report.CustomParticipantId);
        Assert.Equal("guest", report.Role);
        Assert.Equal(session, report.SessionId);
        Assert.Equal(PeerEventName.PeerJoining, Assert.Single(report.PeerEvents!).EventName);
    }

    [Fact]
    public async Task Daywise_analytics_count_the_sessions_and_recordings_held()
    {
        var (meeting, _, _) = await LiveMeetingAsync();
        var recording = (await _client.Recordings.StartRecordingAsync(Account, App, new StartRecordingRequest { MeetingId = meeting })).Data!.Id.ToString();
        await _client.Recordings.ControlRecordingAsync(Account, App, recording, new ControlRecordingRequest { Action = RecordingAction.Stop });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var stats = (await _client.Analytics.GetDaywiseAnalyticsAsync(Account, App, today.AddDays(-1), today)).Data!;

        Assert.Equal(1, stats.SessionStats!.SessionsCount);
        Assert.Equal(1, stats.RecordingStats!.RecordingCount);
        Assert.Equal(0, (await _client.Analytics.GetDaywiseAnalyticsAsync(Account, App, today.AddDays(-10), today.AddDays(-5))).Data!.SessionStats!.SessionsCount);
    }
}
